// The example responses printed in the Sobot SCRM v5 document, verbatim in shape (quirks included), for
// the wire-schema tests. Test-only: nothing in the extension imports this file.

export const tokenExample = {
  item: { token: '4ac37cb2e9c740dba4b75a34d5358802', expires_in: '86400' },
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const listByPageExample = {
  items: [
    {
      id: '6738912701e74e02ae20f5a6c40c1d14',
      pid: '60b7e31daf15417aa0f521aa7d822ddd',
      nick: '阿卡林康',
      sex: 1,
      source: 9,
      status: 8,
      partnerid: 'wmzcrEDAAAAn_GEUrwuprZYeJkv99PeA',
      is_vip: '0',
      user_status: 0,
      extend_fields: {},
      fixed_fields: { userLabel: '团员,泰山,www' },
      create_type: 1,
      create_time: 1629860308,
      create_date: 1629820800,
      create_serviceid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
      update_time: 1632369757,
      update_user_id: '5f96c8393cea49078a2c676ec6aad697',
      update_user_name: '赵-众服',
      liable_serviceid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
      liable_service_name: '安康',
      crm_status: 3,
      wx_build_unionid: 'or-MA51K3ISeMe_4W6_6LPNaL3MU',
    },
    {
      id: 'dcf361d7889a43bca87fb9ca3a636e75',
      pid: '60b7e31daf15417aa0f521aa7d822ddd',
      nick: 'tet221',
      uname: 'stedfg',
      email: '2344sds5234@qq.com',
      tel: '13014502333',
      source: 18,
      status: 8,
      is_vip: '0',
      user_status: 0,
      extend_fields: {},
      fixed_fields: {},
      create_type: 1,
      create_time: 1632369647,
      create_date: 1632326400,
      create_serviceid: 'f1b8dfc486bd42508edbc80e5c9fd8e9',
      create_service_name: 'SCRM测试',
      update_time: 1632369647,
      update_user_id: 'f1b8dfc486bd42508edbc80e5c9fd8e9',
      update_user_name: 'SCRM测试',
      crm_status: 1,
      wx_build_unionid: '11112222333334',
    },
  ],
  page_count: 76,
  total_count: 152,
  page_size: 2,
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const detailExample = {
  item: {
    userLabel: 'bb25cd094d44426ca3113b90d66a124c',
    crmStatus: '3',
    pid: '60b7e31daf15417aa0f521aa7d822ddd',
    createType: '1',
    source: '9',
    createServiceId: 'cb46367362d44dd2880d7b23d0ac94c0',
    nick: '尔耳',
    wxBuildUnionId: 'or-MA53WmBhZexunZ0I2ZueGdk7g',
    liableServiceName: '刘宇博',
    liableServiceId: 'f48c6d65e19b458b928cdc4c0e3f89bf',
    tel: '13168765122',
    ex_field_str:
      '[{"fieldid":"81632fdcc05d41ef92b024979e489c17","field_value":"","field_type":"3"},{"fieldid":"2445ede23ccc4e55940fc61236985b57","field_value":"628242069686628","field_text":"2","field_type":"9"},{"fieldid":"bafe053fb51a40d6a2d2b3ab4ce9a80f","field_value":"34534","field_type":"5"},{"fieldid":"fbf6a75380b74098a097090c7a8f7284","field_value":"607592524201284","field_text":"电脑","field_type":"7"},{"fieldid":"e4043f59025b454a95004e71ec7dd4b5","field_value":"607592500181862","field_text":"香蕉","field_type":"6","field_params":"xialaliebiao","data_params":"balana"}]',
    id: '1023046dc7f94c3aa9568e5cc86cfbc7',
    updateUserName: '樊永锋',
    sex: '1',
    updateTime: '1636516394',
    createTime: '1632806109',
    status: '8',
  },
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const labelGroupListExample = {
  items: [
    {
      id: 'aa08a602e63d4d188f52b0809e6794b0',
      name: 'test32',
      status: 1,
      type: 1,
      bizid: null,
      color_value: '#gt5433',
      create_time: '2021-07-14 05:00:00',
      is_multiple_choice: 0,
      update_time: '2021-07-14 05:00:00',
    },
  ],
  page_no: 1,
  page_count: 1,
  total_count: 1,
  page_size: 3,
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const labelListExample = {
  items: [
    {
      id: '8e842b52a028445cbeb593dc48f69fa9',
      name: '汉语名给字',
      status: 1,
      bizid: null,
      create_time: '2021-07-14 12:17:10',
      param_name: null,
      groupid: 'aa08a602e63d4d188f52b0809e6794b0',
      update_time: '2021-07-14 12:17:10',
    },
  ],
  page_no: 1,
  page_count: 1,
  total_count: 1,
  page_size: 3,
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const userLabelsExample = {
  items: [
    {
      userid: 'aead252a1e754e4f9eb1b6b7bf3ae7f7',
      label_set: [
        { id: '830a1b02574643c78b0177a066f32ab6', name: '少先队员', color_value: '#76A6F1' },
        { id: '62e10d5fa3534cfb97807d956db1a558', name: '自购房产', color_value: '#15C7C9' },
      ],
    },
  ],
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const stagesExample = {
  items: [
    { id: 'fb642ab91666472bb81c3beb1889b2dc', name: '正常跟进', sortnum: 1 },
    { id: '15d6506f836c4340b7b36fb94bdedf31', name: '初步沟通', sortnum: 0 },
    { id: 'cb31d0aff036411fb9bf598baf4dc2ea', name: '意向确定', sortnum: 2 },
    { id: '7b1c71f10c9e40c994c733c48974ce35', name: '付款流程', sortnum: 3 },
    { id: '678599e8f8a6407987c1aa4391d41f4d', name: '交易达成', sortnum: 4 },
  ],
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const customFieldsExample = {
  items: [
    {
      field_id: '6dbd01468c134cae95d2c30f963aeb24',
      field_name: '多行文本',
      field_variable: 'customField2',
      field_type: 2,
      fill_flag: 0,
      field_status: 1,
      field_remark: '',
      operate_type: 1,
      field_params: null,
      cus_field_data_info_list: null,
    },
    { field_id: 'deleted', field_name: '已删除', field_type: 1, fill_flag: 0, field_status: 0 },
    {
      field_id: 'e4043f59025b454a95004e71ec7dd4b5',
      field_name: '下拉列表',
      field_variable: 'customField6',
      field_type: 6,
      fill_flag: 1,
      field_status: 1,
      field_remark: '测试使用',
      operate_type: 1,
      field_params: 'xialaliebiao',
      cus_field_data_info_list: [
        {
          data_id: '27e4321062124922a35eb93986fe7d7d',
          data_value: '607592500180588',
          data_name: '苹果',
          field_id: 'e4043f59025b454a95004e71ec7dd4b5',
          field_variable: null,
          data_params: 'apple',
        },
        {
          data_id: 'bb2f8d1b8dbc475598c71185b7f3a5f2',
          data_value: '607592500181862',
          data_name: '香蕉',
          field_id: 'e4043f59025b454a95004e71ec7dd4b5',
          field_variable: null,
          data_params: 'balana',
        },
      ],
    },
  ],
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const sourcesExample = {
  items: [
    { label: '邮件', value: '11' },
    { label: '桌面网站', value: '0' },
    { label: '企业微信', value: '9' },
  ],
  ret_code: '000000',
  ret_msg: '操作成功',
};

export const dynamicsExample = {
  items: [
    {
      id: 'a4b1fad08cc74951a4b76ec571d4384d',
      userid: '13b79f884bc94011af91df4a46373d33',
      biz_type: 'user_create',
      biz_time: 1621509568807,
      biz_content: {
        bizOperatorType: 1,
        bizOperatorTypeName: '手动创建',
        bizOperatorName: null,
        datas: [{ type: 1, field: 'nick', name: '昵称', value: '阿卡林康', oldValue: null }],
      },
      create_time: 0,
    },
    {
      id: 'ccff8be345624c6d9ece9859a2ecb763',
      userid: '13b79f884bc94011af91df4a46373d33',
      biz_type: 'user_stage_update',
      biz_time: 1622018626,
      biz_content: {
        stageType: '1',
        stageTypeName: '跟进过程',
        stageId: '7b1c71f10c9e40c994c733c48974ce35',
        stageName: '付款流程',
        oldStageName: '意向确定',
        remark: '',
        bizOperatorType: 1,
        bizOperatorName: '王斌',
      },
      create_time: 1622018626,
    },
    {
      id: '0e6a14ce3d10493fb8027920e0f5a27f',
      userid: '13b79f884bc94011af91df4a46373d33',
      biz_type: 'user_stage_update',
      biz_time: 1622018595,
      biz_content:
        '{"stageType":"21","stageTypeName":"已成单","stageId":"cb31d0aff036411fb9bf598baf4dc2ea","stageName":null,"oldStageName":"意向确定","bizOperatorName":"王斌"}',
      create_time: 1622018595,
    },
  ],
  page_no: 1,
  page_count: 1,
  total_count: 3,
  page_size: 10,
  ret_code: '000000',
  ret_msg: '操作成功',
};
