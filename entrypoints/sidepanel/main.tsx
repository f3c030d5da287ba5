import { render } from 'preact';
render(<p>CRM Sidebar</p>, document.getElementById('app')!);
