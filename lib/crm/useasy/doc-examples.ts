// The requests and responses printed in the Useasy CRM open-API document, verbatim in shape (quirks
// included), for the tests. Test-only: nothing in the extension imports this file. The document prints
// no response for findById and no error response at all.

/** 1.4: note `customerSource` and `owner`, which the parameter table does not list. */
export const addRequestExample = {
  customerName: 'test',
  mobile: [{ value: '333222111', memo: '王哈' }],
  customerSource: ['试用申请'],
  owner: '8310',
  assignTime: '2024-11-14 09:46:17',
};

/** 1.5: the new customer's id is `data._id`. */
export const addResponseExample = {
  success: true,
  message: '200 ok!',
  code: '200',
  data: {
    accountId: '1090',
    createTime: '2023-06-26 23:18:43',
    createMethod: '',
    updateAgent: 'openApi',
    updateTime: '2023-06-26 23:18:43',
    _id: '685775343058800640',
    customerName: 'testCustomer',
    createAgent: 'openApi',
  },
};

/** 2.3: the headers every example carries; the same signature appears with other paths and bodies. */
export const signedHeadersExample = {
  appid: '1090',
  nonce: '123456',
  timestamp: '1687792901',
  signature: 'osiJIMEZRFzQPJDH/3hsYe3BGhk/0aouXGyhX2Af2mc=',
  'Content-Type': 'application/json',
};

export const updateRequestExample = { _id: '685775898716000256', customerName: 'testCustomer' };

export const updateResponseExample = {
  success: true,
  message: '200 ok!',
  code: '200',
  data: {
    accountId: '1090',
    createTime: '2023-06-26 23:20:56',
    createMethod: '',
    updateAgent: 'openApi',
    updateTime: '2023-06-26 23:21:56',
    _id: '685775898716000256',
    customerName: 'testCustomer',
    createAgent: 'openApi',
  },
};

/** 3.2: the two request bodies the document shows, the first without paging. */
export const listRequestExamples = [
  { search: [{ operator: 'eq', value: ['13231307283'], field: 'mobile' }] },
  { limit: 1, page: 1, search: [{ field: 'openSeaIds', value: [], operator: 'empty' }] },
];

/** 3.2: `count` is the total (20) although the page holds one record. */
export const listResponseExample = {
  success: true,
  message: '200 ok!',
  code: '200',
  data: {
    list: [
      {
        owner: '662821403012902912',
        firstAssignTime: '2023-06-26 22:57:30',
        accountId: '1090',
        createTime: '2023-06-26 22:57:30',
        createMethod: 'API',
        firstOwner: '662821403012902912',
        updateAgent: 'openApi',
        updateTime: '2023-06-26 22:57:30',
        _id: '685770000643772416',
        assignTime: '2023-06-26 22:57:30',
        customerName: 'testCustomer',
        createAgent: 'openApi',
      },
    ],
    count: 20,
  },
};

/** 5.2: delete takes `id`, not `_id`, and answers `data: null`. */
export const deleteRequestExample = { id: '685736803368169472' };
export const deleteResponseExample = { success: true, message: '200 ok!', code: '200', data: null };

/** 6.3: a real answer, one text field without choices or options. */
export const fieldListResponseExample = {
  success: true,
  message: '200 ok!',
  code: '200',
  data: [
    {
      accountId: '1090',
      glFieldId: 'text_6ts9_1687316347239',
      field: 'text_6ts9_1687316347239',
      name: '详细地址',
      param: 'text_6ts9_1687316347239',
      type: 'text',
      status: 1,
      searchable: false,
      oplog: false,
      choices: null,
      options: null,
      createTime: '2023-06-21 11:02:18',
      updateTime: '2023-06-21 11:02:18',
      createAgent: '662772464553308160',
      updateAgent: '662772464553308160',
      scenes: null,
      sort: 42,
      isSystem: false,
      required: false,
    },
  ],
};

/** 6.5: the schema-style example, every value a placeholder, with choices and a cascade tree. */
export const fieldListSchemaExample = {
  success: true,
  message: 'string',
  code: 'string',
  data: [
    {
      accountId: 'string',
      glFieldId: 'string',
      field: 'string',
      name: 'string',
      param: 'string',
      type: 'string',
      status: 0,
      searchable: true,
      oplog: true,
      choices: [{ key: 'string', value: 'string', isDefault: true }],
      options: { level: 0, fillLevel: 0, children: [{ key: 'string', value: 'string' }] },
      createTime: 'string',
      updateTime: 'string',
      createAgent: 'string',
      updateAgent: 'string',
      scenes: ['string'],
      sort: 0,
      isSystem: true,
      required: true,
    },
  ],
};
