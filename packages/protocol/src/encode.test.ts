import { describe, expect, it } from 'vitest'
import { InvalidRequestError, encodeNumericId, requestEncoders } from './encode.js'

describe('request encoders', () => {
  it('sends department IDs as numbers and DingTalk user IDs as strings, as the seeds show', () => {
    expect(
      requestEncoders.getQywechatDepartmentIds({ department_ids: ['30009907', 30009906] }),
    ).toEqual({
      department_ids: [30009907, 30009906],
    })
    expect(requestEncoders.getDingtalkUserIds({ userids: ['3733218539', 3733218551] })).toEqual({
      userids: ['3733218539', '3733218551'],
    })
  })

  it('sends id 0 and no select_node_type on the first select request', () => {
    expect(requestEncoders.selectDepartments({ select_type: 0 })).toEqual({ id: 0, select_type: 0 })
  })

  it('names the field of an ID that cannot be sent as a number', () => {
    expect(() => requestEncoders.getQywechatUserIds({ userids: ['1', 'abc'] })).toThrow(
      /userids\[1\]: expected a numeric ID/,
    )
    expect(() => encodeNumericId('9007199254740993', 'id')).toThrow(InvalidRequestError)
  })
})
