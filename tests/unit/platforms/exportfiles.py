"""Test helpers: header generations of every platform export (platform-formats.md) and writers that put
synthetic rows into CSV (any encoding) or xlsx files the way the platforms do."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl


def cols(text: str) -> list[str]:
    """Header names separated by "|" (some names contain spaces or commas)."""
    return text.split("|")


# --- Taobao order file: L1 24 columns (c. 2009) ... L4 71 columns (c. 2022) ---
TB_L1 = cols(
    "订单编号|买家会员名|买家支付宝账号|买家应付货款|买家应付邮费|买家支付积分|总金额|返点积分|买家实际支付金额|"
    "买家实际支付积分|订单状态|买家留言|收货人姓名|收货地址|运送方式|联系电话|联系手机|订单创建时间|订单付款时间|"
    "宝贝标题|宝贝种类|物流单号|物流公司|订单备注"
)
_L2_EXTRA = cols(
    "宝贝总数量|店铺Id|店铺名称|订单关闭原因|卖家服务费|买家服务费|发票抬头|是否手机订单|分阶段订单信息|特权订金订单id|"
    "是否上传合同照片|是否上传小票|是否代付|定金排名|修改后的sku|修改后的收货地址|异常信息|天猫卡券抵扣|集分宝抵扣|"
    "是否是O2O交易|退款金额|预约门店|确认收货时间|打款商家金额"
)
_TRAILING = {"收货地址", "联系电话", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号"}
TB_L2 = [f"{h} " if h in _TRAILING else h for h in TB_L1 + _L2_EXTRA]  # header cells with trailing spaces
TB_L3 = [*TB_L1[:3], "支付单号", "支付详情", *TB_L1[3:], *_L2_EXTRA]
TB_L4 = cols(
    "订单编号|买家会员名|买家会员昵称|支付单号|支付详情|买家应付货款|买家应付邮费|买家支付积分|总金额|返点积分|"
    "买家实际支付金额|买家实际支付积分|订单状态|买家留言|收货人姓名|收货地址|运送方式|联系电话|联系手机|虚拟号过期时间|"
    "订单创建时间|订单付款时间|宝贝标题|宝贝种类|物流单号|物流公司|订单备注|宝贝总数量|店铺Id|店铺名称|订单关闭原因|"
    "卖家服务费|买家服务费|发票抬头|是否手机订单|分阶段订单信息|特权订金订单id|是否上传合同照片|是否上传小票|是否代付|"
    "定金排名|修改后的sku|修改后的收货地址|异常信息|天猫卡券抵扣|集分宝抵扣|是否是O2O交易|新零售交易类型|"
    "新零售导购门店名称|新零售导购门店id|新零售发货门店名称|新零售发货门店id|退款金额|预约门店|确认收货时间|打款商家金额|"
    "含应开票给个人的个人红包|是否信用购|体验期结束时间|前N有礼|配送类型|直播返现状态|返现金额|延迟发货自动赔付金额|"
    "新零售成交门店昵称|新零售成交门店id|新零售成交经销商id|预售订单|发货时间|商家备忘|主订单编号"
)

# --- Taobao item file: D1 10 columns (no line id), D2 18, D3 23 (renamed columns) ---
TB_D1 = cols("订单编号|标题|价格|购买数量|外部系统编号|商品属性|套餐信息|备注|订单状态|商家编码")
TB_D2 = cols(
    "子订单编号|主订单编号|标题|价格|购买数量|外部系统编号|商品属性|套餐信息|备注|订单状态|商家编码|支付单号|"
    "买家应付货款|买家实际支付金额|退款状态|退款金额|订单创建时间|订单付款时间"
)
TB_D3 = cols(
    "子订单编号|主订单编号|商品标题|商品价格|购买数量|外部系统编号|商品属性|套餐信息|联系方式备注|订单状态|商家编码|"
    "支付单号|买家应付货款|买家实付金额|退款状态|退款金额|订单创建时间|订单付款时间|商品ID|分阶段信息|备注标签|商家备注|"
    "主订单买家留言"
)
TB_REFUNDS = cols(
    "退款编号|订单编号|支付宝交易号|订单付款时间|商品编码|退款完结时间|买家会员名称|买家实际支付金额|宝贝标题|买家退款金额|"
    "手工退款/系统退款|是否需要退货|退款的申请时间|超时时间|退款状态|货物状态|退货物流信息|发货物流信息|客服介入状态|"
    "卖家真实姓名|卖家退货地址|卖家邮编|卖家电话|卖家手机|退货物流单号|退货物流公司|买家退款原因|买家退款说明|买家退货时间|"
    "责任方|售中或售后|商家备注|完结时间|部分退款/全部退款|审核操作人|举证超时|是否零秒响应|退款操作人|退款原因标签"
)

# --- JD: the 30 base columns (2015) and the later set with 商家SKUID ---
JD_BASE = cols(
    "订单号|商品ID|商品名称|订购数量|支付方式|下单时间|京东价|订单金额|结算金额|余额支付|应付金额|订单状态|订单类型|"
    "下单帐号|客户姓名|客户地址|联系电话|订单备注|发票类型|发票抬头|发票内容|商家备注|商家备注等级（等级1-5为由高到低）|"
    "运费金额|付款确认时间|增值税发票|货号|订单完成时间|订单来源|订单渠道"
)
JD_LATER = JD_BASE + cols(
    "送装服务|服务费|仓库ID|仓库名称|是否为品牌商订单|是否为toplife订单|普通发票纳税编号|商家SKUID|邮政编码"
)

# --- Pinduoduo: the sample's 规格维度 set, an older SKU维度 set (full-width parens, receiver columns), 2023 set ---
PDD_NEW = cols(
    "商品|订单号|订单状态|商品总价(元)|店铺优惠折扣(元)|平台优惠折扣(元)|邮费(元)|用户实付金额(元)|商家实收金额(元)|"
    "商品数量(件)|支付时间|拼单成功时间|订单确认时间|承诺发货时间|发货时间|确认收货时间|商品id|商品规格|用户购买手机号|"
    "样式ID|商家编码-规格维度|商家编码-商品维度|快递单号|快递公司|省|市|区|街道|商家备注|售后状态|买家留言"
)
PDD_OLD = cols(
    "商品|订单号|订单状态|商品总价（元）|店铺优惠折扣（元）|平台优惠折扣（元）|邮费（元）|用户实付金额（元）|商家实收金额（元）|"
    "商品数量（件）|身份证姓名|身份证号码|收货人|手机|是否异常|省|市|区|街道|支付时间|拼单成功时间|订单确认时间|承诺发货时间|"
    "发货时间|确认收货时间|商品id|商品规格| 用户购买手机号|样式ID|商家编码-SKU维度|商家编码-商品维度|快递单号|快递公司|"
    "海淘清关订单号|支付ID|支付方式|是否抽奖或0元试用|是否顺丰加价|商家备注|售后状态|买家留言"
)
PDD_2023 = cols(
    "商品|订单号|订单状态|商品数量(件)|是否审核中|支付时间|承诺发货时间|承诺送达时间|发货时间|确认收货时间|商品id|商品规格|"
    "样式ID|商品一级类目|商品二级类目|商品三级类目|商品四级类目|商家编码-规格维度|商家编码-商品维度|商家备注|买家留言|"
    "售后状态|消费者资料|订单成交时间|消费者资料上传时间|赠品名称|赠品id|赠品规格|赠品数量|团ID|团身份|是否已开始配送|"
    "配送员是否已送达|配送状态|同城是否普通快递|商品总价(元)|邮费(元)|店铺优惠折扣(元)|平台优惠折扣(元)|多多支付立减金额(元)|"
    "上门安装费(元)|送货入户费(元)|送货入户并安装费(元)|用户实付金额(元)|商家实收金额(元)|快递单号|快递公司|省|市|区|"
    "街道/镇|配送员手机号|是否抽奖或0元试用|是否顺丰加价|用户购买手机号|退款金额(元)"
)
PDD_AFTERSALES = cols(
    "售后编号|订单编号|商品名称|商家编码|售后类型|售后状态|订单状态|申请时间|同意退款时间|退款金额(元)|售后原因"
)

# --- Douyin: 商品维度 (one row per line) and 订单维度 (no 子订单编号) ---
DY_LINES = cols(
    "主订单编号|子订单编号|选购商品|商品规格|商品数量|商品ID|商家编码|商品单价|订单应付金额|运费|优惠总金额|支付方式|收件人|"
    "收件人手机号|省|市|区|街道|详细地址|买家留言|订单提交时间|支付完成时间|订单完成时间|发货时间|快递公司|快递单号|商家备注|"
    "订单状态|售后状态|取消原因|达人ID|达人昵称|流量来源"
)
DY_ORDERS = [h for h in DY_LINES if h != "子订单编号"]


def row(header: Sequence[str], values: Mapping[str, str]) -> list[str]:
    """A row for ``header`` with the given cells (keyed by header name, spaces ignored), others empty."""
    by_name = {k.strip(): v for k, v in values.items()}
    unknown = set(by_name) - {h.strip() for h in header}
    assert not unknown, f"not in header: {unknown}"
    return [by_name.get(h.strip(), "") for h in header]


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    *,
    encoding: str = "gbk",
    delimiter: str = ",",
    before: Sequence[Sequence[str]] = (),
) -> Path:
    """A CSV as platforms write it; ``before`` puts title lines above the header."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(before)
    writer.writerow(header)
    writer.writerows(row(header, r) for r in rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Mapping[str, object]],
    *,
    before: Sequence[Sequence[str]] = (),
    number_format: Mapping[str, str] | None = None,
) -> Path:
    """An xlsx with text cells (ids stay text) unless a value is given as a number or datetime."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in before:
        sheet.append(list(line))
    sheet.append(list(header))
    for values in rows:
        by_name = {k.strip(): v for k, v in values.items()}
        sheet.append([by_name.get(h.strip(), "") for h in header])
    for name, fmt in (number_format or {}).items():
        column = [h.strip() for h in header].index(name) + 1
        for cells in sheet.iter_rows(min_row=len(before) + 2, min_col=column, max_col=column):
            for cell in cells:
                cell.number_format = fmt
    workbook.save(path)
    return path
