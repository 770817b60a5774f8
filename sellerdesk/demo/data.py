"""Static data of the demo shop 小林家居 (a home-textile seller): catalog, people, places, texts.

Chinese text lives here only as data; the generator modules hold the logic.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.domain.enums import (
    Lifecycle,
    OrderStatus,
    Platform,
    ProductRole,
    RefundState,
    Role,
    ShelfStatus,
    TicketCategory,
)


@dataclass(frozen=True)
class ShopSpec:
    platform: Platform
    name: str
    fee_rate_bp: int
    ship_deadline_hours: int


SHOPS = (
    ShopSpec(Platform.TAOBAO, "小林家居旗舰店", 500, 48),
    ShopSpec(Platform.JD, "小林家居京东店", 800, 24),
    ShopSpec(Platform.PDD, "小林家居拼多多店", 600, 48),
    ShopSpec(Platform.DOUYIN, "小林家居抖音小店", 500, 48),
)

# (login, name, role); the first service specialist is the fastest, the last the slowest (reviews differ).
STAFF = (
    ("linxiao", "林晓", Role.OPERATIONS_MANAGER),
    ("zhoumin", "周敏", Role.PRODUCT_SPECIALIST),
    ("chenjing", "陈静", Role.MARKETING_SPECIALIST),
    ("wangfang", "王芳", Role.SERVICE_SPECIALIST),
    ("liuyang", "刘洋", Role.SERVICE_SPECIALIST),
    ("zhaoli", "赵丽", Role.SERVICE_SPECIALIST),
)

WAREHOUSES = (("main", "主仓"), ("returns", "退货仓"), ("defects", "次品仓"))

# Variant axes: (code, label, price multiplier, popularity).
Axis = tuple[tuple[str, str, float, float], ...]

BED_COLOURS: Axis = (
    ("GY", "浅灰", 1.0, 1.0),
    ("BL", "雾霾蓝", 1.0, 0.8),
    ("WH", "奶白", 1.0, 0.7),
    ("PK", "豆沙粉", 1.0, 0.5),
)
BED_SIZES: Axis = (
    ("15", "1.5m床(被套200×230cm)", 1.0, 0.7),
    ("18", "1.8m床(被套220×240cm)", 1.12, 1.0),
    ("20", "2.0m床(被套230×250cm)", 1.25, 0.35),
)
TOWEL_COLOURS: Axis = (
    ("WH", "白色", 1.0, 1.0),
    ("GY", "灰色", 1.0, 0.8),
    ("PK", "粉色", 1.0, 0.6),
    ("BL", "蓝色", 1.0, 0.6),
    ("YE", "黄色", 1.0, 0.3),
)
SIX_COLOURS: Axis = (*TOWEL_COLOURS, ("GN", "绿色", 1.0, 0.3))
ROOM_COLOURS: Axis = (("GY", "高级灰", 1.0, 1.0), ("BE", "米白", 1.0, 0.8), ("BL", "藏青", 1.0, 0.5))
BOX_COLOURS: Axis = (("WH", "白色", 1.0, 0.8), ("GY", "灰色", 1.0, 1.0), ("CL", "透明", 1.0, 0.6))
MASK_COLOURS: Axis = (
    ("BK", "黑色", 1.0, 1.0),
    ("PK", "粉色", 1.0, 0.7),
    ("GY", "灰色", 1.0, 0.5),
    ("BL", "蓝色", 1.0, 0.4),
)
BLANKET_COLOURS: Axis = (("CA", "驼色", 1.0, 1.0), ("GY", "浅灰", 1.0, 0.8), ("RD", "酒红", 1.0, 0.4))
ONE: Axis = (("", "", 1.0, 1.0),)
PILLOW_SPECS: Axis = (("S1", "标准款60×40cm 单只", 1.0, 1.0), ("S2", "标准款60×40cm 一对", 1.9, 0.7))
PILLOW_SIZES: Axis = (("", "", 1.0, 1.0), ("L", "加大款70×40cm", 1.2, 0.5))
BATH_SIZES: Axis = (("M", "70×140cm", 1.0, 1.0), ("L", "80×160cm", 1.3, 0.6))
TOWEL_PACKS: Axis = (("1", "单条装", 1.0, 0.6), ("3", "3条装", 2.6, 1.0))
CLOTH_PATTERNS: Axis = (
    ("GE", "格子", 1.0, 1.0),
    ("HU", "小碎花", 1.0, 0.8),
    ("CN", "纯色", 1.0, 0.7),
    ("NO", "北欧线条", 1.0, 0.5),
)
CLOTH_SIZES: Axis = (("S", "90×90cm", 1.0, 0.7), ("M", "140×180cm", 1.5, 1.0), ("L", "140×220cm", 1.8, 0.6))
RUG_SIZES: Axis = (("S", "80×120cm", 1.0, 0.8), ("M", "120×160cm", 1.6, 1.0), ("L", "160×230cm", 2.6, 0.5))
CUSHION_SIZES: Axis = (("S", "45×45cm", 1.0, 1.0), ("M", "50×50cm", 1.2, 0.6))
BOX_SIZES: Axis = (("S", "小号", 1.0, 0.7), ("M", "中号", 1.3, 1.0), ("L", "大号", 1.7, 0.8))
BLANKET_SIZES: Axis = (("M", "150×200cm", 1.0, 1.0), ("L", "180×220cm", 1.3, 0.7))
QUILT_SIZES: Axis = (("15", "150×200cm", 1.0, 0.6), ("20", "200×230cm", 1.25, 1.0), ("22", "220×240cm", 1.45, 0.5))
QUILT_WEIGHTS: Axis = (("C", "春秋被", 1.0, 1.0), ("D", "冬被", 1.35, 0.9))
MAT_SIZES: Axis = (("15", "1.5m床", 1.0, 0.8), ("18", "1.8m床", 1.15, 1.0), ("20", "2.0m床", 1.3, 0.3))
SUMMER_QUILT_SIZES: Axis = (("15", "150×200cm", 1.0, 1.0), ("20", "200×230cm", 1.3, 0.8))
SEAT_COLOURS: Axis = (("GY", "灰色", 1.0, 1.0), ("BR", "咖啡色", 1.0, 0.7), ("BL", "藏青", 1.0, 0.5))
KID_COLOURS: Axis = (
    ("BE", "小熊", 1.0, 1.0),
    ("RB", "兔子", 1.0, 0.9),
    ("DN", "恐龙", 1.0, 0.8),
    ("ST", "星空", 1.0, 0.6),
)
KID_SIZES: Axis = (("12", "1.2m床", 1.0, 1.0), ("15", "1.5m床", 1.15, 0.7))


@dataclass(frozen=True)
class ProductSpec:
    """One product: its variants are colours × sizes; ``season`` shifts its sales over the year."""

    title: str
    category: str
    price_yuan: int
    colours: Axis
    sizes: Axis
    weight_g: int
    supplier: str
    role: ProductRole = ProductRole.PROFIT
    lifecycle: Lifecycle = Lifecycle.MATURE
    shelf: ShelfStatus = ShelfStatus.ON_SHELF
    season: str = ""  # "", "summer", "winter"
    popularity: float = 1.0


_BED = "床品套件"
_SUP_BED = "南通叠石桥家纺有限公司"
_SUP_TOWEL = "高阳县恒润毛巾厂"
_SUP_LATEX = "东莞乐眠乳胶制品有限公司"
_SUP_CLOTH = "绍兴柯桥布艺纺织有限公司"
_SUP_RUG = "天津华美地毯有限公司"
_SUP_BOX = "义乌优纳收纳用品厂"
_SUP_WOOL = "宁波澳绒毛纺有限公司"

H, T, P, IMG = ProductRole.HERO, ProductRole.TRAFFIC, ProductRole.PROFIT, ProductRole.IMAGE
INTRO, GROWTH, DECLINE = Lifecycle.INTRO, Lifecycle.GROWTH, Lifecycle.DECLINE

# A few titles carry absolute words banned by the advertising law (最, 第一, 顶级) so the title check has hits.
PRODUCTS: tuple[ProductSpec, ...] = (
    ProductSpec(
        "小林家居 A类纯棉四件套 简约条纹 全棉床单被套",
        _BED,
        259,
        BED_COLOURS,
        BED_SIZES,
        2300,
        _SUP_BED,
        H,
        popularity=2.2,
    ),
    ProductSpec("小林家居 60支长绒棉四件套 贡缎 酒店风床上用品", _BED, 499, BED_COLOURS, BED_SIZES, 2500, _SUP_BED, P),
    ProductSpec(
        "小林家居 水洗棉四件套 ins风纯色 床单被罩", _BED, 199, BED_COLOURS, BED_SIZES, 2200, _SUP_BED, T, popularity=1.6
    ),
    ProductSpec(
        "小林家居 天丝四件套 冰丝凉感 夏季裸睡",
        _BED,
        359,
        BED_COLOURS,
        BED_SIZES,
        2000,
        _SUP_BED,
        P,
        GROWTH,
        season="summer",
    ),
    ProductSpec(
        "小林家居 牛奶绒四件套 加厚保暖 冬季珊瑚绒",
        _BED,
        229,
        BED_COLOURS,
        BED_SIZES,
        2800,
        _SUP_BED,
        H,
        season="winter",
        popularity=1.8,
    ),
    ProductSpec(
        "泰国进口天然乳胶枕 全网最舒服护颈枕 波浪曲线",
        "枕头",
        129,
        ONE,
        PILLOW_SPECS,
        1300,
        _SUP_LATEX,
        H,
        popularity=1.5,
    ),
    ProductSpec("儿童乳胶枕 3-12岁 学生护颈枕", "枕头", 89, ONE, PILLOW_SIZES, 700, _SUP_LATEX, P),
    ProductSpec("乳胶颈椎枕 高低款 成人护颈", "枕头", 159, ONE, PILLOW_SIZES, 1400, _SUP_LATEX, P),
    ProductSpec(
        "A类纯棉浴巾 加厚吸水 家用大毛巾", "浴巾", 59, TOWEL_COLOURS, BATH_SIZES, 500, _SUP_TOWEL, T, popularity=1.4
    ),
    ProductSpec("长绒棉浴巾 五星酒店款 大号加厚", "浴巾", 89, TOWEL_COLOURS, BATH_SIZES, 650, _SUP_TOWEL, P),
    ProductSpec("儿童浴巾 带帽斗篷 纯棉卡通", "浴巾", 49, TOWEL_COLOURS, BATH_SIZES, 400, _SUP_TOWEL, P),
    ProductSpec("纯棉毛巾 洗脸家用 柔软吸水", "毛巾", 15, SIX_COLOURS, TOWEL_PACKS, 120, _SUP_TOWEL, T, popularity=1.5),
    ProductSpec(
        "新疆长绒棉毛巾 销量第一 加厚不掉毛", "毛巾", 19, SIX_COLOURS, TOWEL_PACKS, 130, _SUP_TOWEL, H, popularity=1.3
    ),
    ProductSpec("竹纤维毛巾 抗菌 成人洗脸巾", "毛巾", 17, SIX_COLOURS, TOWEL_PACKS, 110, _SUP_TOWEL, P),
    ProductSpec("棉麻桌布 北欧ins风 茶几布台布", "桌布", 39, CLOTH_PATTERNS, CLOTH_SIZES, 400, _SUP_CLOTH, T),
    ProductSpec("防水防油桌布 免洗PVC 长方形餐桌布", "桌布", 29, CLOTH_PATTERNS, CLOTH_SIZES, 450, _SUP_CLOTH, P),
    ProductSpec("客厅地毯 北欧简约 沙发茶几毯", "地毯", 199, ROOM_COLOURS, RUG_SIZES, 3500, _SUP_RUG, P),
    ProductSpec("卧室床边毯 长毛绒 可机洗", "地毯", 129, ROOM_COLOURS, RUG_SIZES, 2200, _SUP_RUG, P, season="winter"),
    ProductSpec(
        "新西兰羊毛地毯 手工编织 顶级工艺", "地毯", 899, ROOM_COLOURS, RUG_SIZES, 6000, _SUP_RUG, IMG, popularity=0.5
    ),
    ProductSpec("北欧靠垫 沙发抱枕 含芯", "靠垫", 49, TOWEL_COLOURS, CUSHION_SIZES, 600, _SUP_CLOTH, P),
    ProductSpec("棉麻抱枕套 不含芯 简约纯色", "靠垫", 25, TOWEL_COLOURS, CUSHION_SIZES, 150, _SUP_CLOTH, T),
    ProductSpec("办公室腰靠垫 记忆棉护腰", "靠垫", 69, TOWEL_COLOURS, CUSHION_SIZES, 800, _SUP_CLOTH, P),
    ProductSpec("布艺收纳箱 可折叠 衣物整理箱", "收纳", 39, BOX_COLOURS, BOX_SIZES, 700, _SUP_BOX, P),
    ProductSpec("加厚塑料收纳箱 带轮 衣柜储物箱", "收纳", 59, BOX_COLOURS, BOX_SIZES, 1500, _SUP_BOX, P),
    ProductSpec("棉麻收纳篮 桌面杂物筐", "收纳", 29, BOX_COLOURS, BOX_SIZES, 300, _SUP_BOX, T),
    ProductSpec("真丝眼罩 遮光睡眠 男女通用", "眼罩", 49, MASK_COLOURS, ONE, 60, _SUP_CLOTH, P),
    ProductSpec("3D立体遮光眼罩 午睡护眼", "眼罩", 19, MASK_COLOURS, ONE, 50, _SUP_CLOTH, T, popularity=1.2),
    ProductSpec(
        "澳洲羊毛毯 加厚冬季双人盖毯",
        "毛毯",
        599,
        BLANKET_COLOURS,
        BLANKET_SIZES,
        2500,
        _SUP_WOOL,
        IMG,
        season="winter",
        popularity=0.7,
    ),
    ProductSpec(
        "法兰绒毛毯 午睡毯 办公室空调毯", "毛毯", 79, BLANKET_COLOURS, BLANKET_SIZES, 900, _SUP_WOOL, T, season="winter"
    ),
    ProductSpec("针织盖毯 沙发毯 北欧装饰毯", "毛毯", 129, BLANKET_COLOURS, BLANKET_SIZES, 1100, _SUP_WOOL, P),
    ProductSpec("大豆纤维被芯 春秋被 四季通用", "被芯", 199, ONE, QUILT_SIZES, 2500, _SUP_BED, P),
    ProductSpec(
        "新疆棉花被 手工棉被 冬季加厚", "被芯", 299, QUILT_WEIGHTS, QUILT_SIZES, 4000, _SUP_BED, P, season="winter"
    ),
    ProductSpec(
        "冰丝凉席三件套 可水洗 可折叠",
        "凉席",
        169,
        ROOM_COLOURS[:2],
        MAT_SIZES,
        1800,
        _SUP_BED,
        H,
        season="summer",
        popularity=1.3,
    ),
    ProductSpec(
        "夏凉被 空调被 可机洗", "被芯", 99, TOWEL_COLOURS[:3], SUMMER_QUILT_SIZES, 1200, _SUP_BED, P, season="summer"
    ),
    ProductSpec("防水床笠 隔尿床罩 单件", _BED, 69, ROOM_COLOURS, MAT_SIZES, 700, _SUP_BED, P),
    ProductSpec(
        "小林家居 竹纤维四件套 新品首发",
        _BED,
        329,
        BED_COLOURS[:3],
        BED_SIZES[:2],
        2200,
        _SUP_BED,
        P,
        INTRO,
        popularity=1.2,
    ),
    ProductSpec("记忆棉坐垫 办公椅垫 久坐不累", "靠垫", 59, SEAT_COLOURS, ONE, 700, _SUP_CLOTH, T, INTRO),
    ProductSpec(
        "儿童卡通四件套 纯棉 幼儿园", _BED, 239, KID_COLOURS, KID_SIZES, 1800, _SUP_BED, P, INTRO, ShelfStatus.DRAFT
    ),
    ProductSpec(
        "旧款印花桌布 清仓",
        "桌布",
        25,
        CLOTH_PATTERNS[:2],
        CLOTH_SIZES[:2],
        400,
        _SUP_CLOTH,
        T,
        DECLINE,
        ShelfStatus.OFF_SHELF,
    ),
    ProductSpec(
        "珊瑚绒浴袍 加厚 秋冬",
        "浴巾",
        129,
        BLANKET_COLOURS,
        BATH_SIZES,
        1200,
        _SUP_TOWEL,
        P,
        DECLINE,
        season="winter",
        popularity=0.6,
    ),
)

BRAND = "小林家居"

# Months of the year → sales factor for a home-textile shop (bedding sells in autumn/winter).
MONTH_FACTOR = (1.0, 0.8, 0.95, 0.95, 1.0, 1.05, 0.9, 0.9, 1.05, 1.1, 1.15, 1.1)
SEASON_FACTOR = {
    "summer": (0.2, 0.2, 0.4, 0.8, 1.6, 2.4, 2.6, 2.0, 0.8, 0.3, 0.2, 0.2),
    "winter": (2.0, 1.5, 0.7, 0.4, 0.2, 0.15, 0.15, 0.3, 0.9, 1.8, 2.4, 2.4),
}
WEEKDAY_FACTOR = (1.06, 1.0, 0.98, 0.97, 0.92, 1.0, 1.09)  # Monday first
# Share of a day's orders per hour, China time: evening peak, a lunch bump, quiet nights.
HOUR_WEIGHTS = (3, 1.5, 0.8, 0.5, 0.4, 0.5, 1, 2, 3.5, 5, 6, 6, 5.5, 5, 5.5, 5.5, 5, 5, 5, 6, 7.5, 8.5, 8, 5.5)
PEAK_HOUR_WEIGHTS = (16, 6, 2, 1, 0.5, 0.5, 0.8, 1.5, 3, 4, 5, 5, 5, 4.5, 4.5, 4.5, 4.5, 4.5, 5, 6, 9, 10, 10, 8)
# Chinese New Year (logistics stop around it); years outside the table simply get no dip.
NEW_YEAR = {
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
}

CARRIERS = ("中通快递", "圆通速递", "韵达快递", "申通快递", "极兔速递", "顺丰速运", "京东物流")
# Per carrier: tracking number prefix and digit count (real formats: 中通 7xxxxxxxxxxxxx, 顺丰 SFxxxxxxxxxxxxx …).
TRACKING_FORMAT = {
    "中通快递": ("7", 13),
    "圆通速递": ("YT", 13),
    "韵达快递": ("43", 13),
    "申通快递": ("77", 13),
    "极兔速递": ("JT", 13),
    "顺丰速运": ("SF", 13),
    "京东物流": ("JD", 13),
}

REFUND_REASONS = ("不想要了", "尺码不合适", "质量问题", "发错货", "物流太慢")
REFUND_REASON_WEIGHTS = (35, 20, 20, 8, 17)
REFUND_ONLY = "仅退款"
RETURN_REFUND = "退货退款"

# (province, city, district, weight): where the buyers live (coastal provinces buy most).
PLACES = (
    ("广东省", "广州市", "天河区", 6),
    ("广东省", "深圳市", "南山区", 6),
    ("广东省", "东莞市", "南城街道", 3),
    ("广东省", "佛山市", "顺德区", 2),
    ("浙江省", "杭州市", "西湖区", 5),
    ("浙江省", "宁波市", "鄞州区", 3),
    ("浙江省", "温州市", "鹿城区", 2),
    ("江苏省", "南京市", "鼓楼区", 4),
    ("江苏省", "苏州市", "工业园区", 4),
    ("江苏省", "无锡市", "滨湖区", 2),
    ("上海", "上海市", "浦东新区", 5),
    ("上海", "上海市", "闵行区", 3),
    ("北京", "北京市", "朝阳区", 4),
    ("北京", "北京市", "海淀区", 3),
    ("山东省", "济南市", "历下区", 2),
    ("山东省", "青岛市", "崂山区", 2),
    ("山东省", "临沂市", "兰山区", 1),
    ("福建省", "厦门市", "思明区", 2),
    ("福建省", "福州市", "鼓楼区", 2),
    ("四川省", "成都市", "武侯区", 4),
    ("湖北省", "武汉市", "洪山区", 3),
    ("湖南省", "长沙市", "岳麓区", 2),
    ("河南省", "郑州市", "金水区", 3),
    ("河北省", "石家庄市", "长安区", 2),
    ("安徽省", "合肥市", "蜀山区", 2),
    ("江西省", "南昌市", "红谷滩区", 1),
    ("陕西省", "西安市", "雁塔区", 2),
    ("重庆", "重庆市", "渝北区", 2),
    ("天津", "天津市", "南开区", 2),
    ("辽宁省", "沈阳市", "和平区", 1),
    ("辽宁省", "大连市", "甘井子区", 1),
    ("黑龙江省", "哈尔滨市", "南岗区", 1),
    ("吉林省", "长春市", "朝阳区", 1),
    ("云南省", "昆明市", "五华区", 1),
    ("广西壮族自治区", "南宁市", "青秀区", 1),
    ("贵州省", "贵阳市", "观山湖区", 1),
    ("山西省", "太原市", "小店区", 1),
    ("海南省", "海口市", "龙华区", 0.5),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", 0.3),
    ("内蒙古自治区", "呼和浩特市", "赛罕区", 0.4),
    ("甘肃省", "兰州市", "城关区", 0.4),
    ("宁夏回族自治区", "银川市", "金凤区", 0.2),
)
STREETS = ("文*路", "人民**路", "建设*街", "解放*路", "中山**路", "学院*路", "新华*街", "幸福*道", "滨江**路", "长*街")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢"
# Characters for masked Chinese nicknames (小**, 快乐**猫).
NICK_CHARS = (
    "小大阿老爱快乐甜蜜心安宁静雨晴天云月星花草木林森叶秋冬春夏风雪梅兰竹菊猫狗兔熊鱼鸟宝贝糖果豆芽"
    "米粒桃李橙柚柠檬咖啡奶茶可乐蓝白红紫金银青黑暖冷光影梦想飞扬微笑温柔清欢悠然时光岁月"
)
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
LETTERS = "abcdefghijklmnopqrstuvwxyz"

BUYER_MESSAGES = (
    "请尽快发货，谢谢",
    "送人的，不要放价格单",
    "能发顺丰吗？补运费也可以",
    "颜色要和图片一样哦",
    "麻烦包装好一点",
    "周末家里没人，请放快递柜",
    "老顾客了，求送小礼物",
    "急用，今天能发吗",
)
SELLER_MEMOS = ("老客户，送毛巾一条", "已备注赠品：收纳袋", "买家要求改地址，已改", "优先发货", "拍错颜色，已改为灰色")

CANNED_REPLIES: tuple[tuple[str, TicketCategory, str], ...] = (
    ("欢迎语", TicketCategory.PRE_SALE, "亲，欢迎光临小林家居，我是客服，很高兴为您服务～请问有什么可以帮您？"),
    ("尺寸推荐", TicketCategory.PRE_SALE, "亲，1.8米的床建议选220×240cm被套的四件套，1.5米的床选200×230cm哦～"),
    ("材质说明", TicketCategory.PRE_SALE, "亲，这款是A类纯棉面料，婴幼儿级标准，亲肤透气，可以放心使用～"),
    ("发货时间", TicketCategory.LOGISTICS, "亲，现货商品下单后48小时内发货，大促期间按付款顺序发出，请耐心等待～"),
    ("物流查询", TicketCategory.LOGISTICS, "亲，已帮您查询物流，包裹正在运输途中，预计1-3天送达，请留意快递电话～"),
    ("催件回复", TicketCategory.LOGISTICS, "亲，非常抱歉让您久等了，已联系快递加急派送，有进展第一时间通知您～"),
    ("改地址", TicketCategory.LOGISTICS, "亲，订单还未发出，已帮您修改收货地址，请核对新地址是否正确～"),
    (
        "退货流程",
        TicketCategory.RETURN_REFUND,
        "亲，在订单页面点击申请售后→选择退货退款，寄回时请备注订单号，收到后24小时内退款～",
    ),
    ("七天无理由", TicketCategory.RETURN_REFUND, "亲，本店支持七天无理由退换货，商品未使用、吊牌完好即可办理哦～"),
    ("退款到账", TicketCategory.RETURN_REFUND, "亲，退款已处理，原路退回，一般1-3个工作日到账，请注意查收～"),
    (
        "质量道歉",
        TicketCategory.QUALITY,
        "亲，非常抱歉给您带来不好的体验，麻烦拍一下问题部位的照片，我们马上为您处理～",
    ),
    ("补发处理", TicketCategory.QUALITY, "亲，已为您安排补发新的商品，今天就会发出，给您添麻烦了～"),
    (
        "色差说明",
        TicketCategory.QUALITY,
        "亲，图片均为实物拍摄，因显示器不同可能有轻微色差，介意的话可以帮您办理退换～",
    ),
    (
        "差评回访",
        TicketCategory.BAD_REVIEW,
        "亲，看到您的评价了，非常抱歉，能和我们说说具体问题吗？我们一定给您满意的解决方案～",
    ),
    ("结束语", TicketCategory.OTHER, "感谢亲的支持，有任何问题随时联系我们，祝您生活愉快～"),
)

TICKET_SUBJECTS: dict[TicketCategory, tuple[str, ...]] = {
    TicketCategory.PRE_SALE: ("咨询尺寸怎么选", "问有没有现货", "问能不能开发票", "咨询面料成分", "问大促价格"),
    TicketCategory.LOGISTICS: ("物流三天没更新", "催发货", "要求改地址", "快递显示签收但没收到", "问什么时候到"),
    TicketCategory.RETURN_REFUND: ("申请退货退款", "问退款什么时候到账", "要求换尺码", "退货运费谁出", "拒收后退款"),
    TicketCategory.QUALITY: ("收到有线头", "洗后掉色", "有色差", "有异味", "起球严重"),
    TicketCategory.BAD_REVIEW: ("买家给了中评", "买家给了差评：质量", "差评：物流慢", "追评说起球"),
    TicketCategory.OTHER: ("要求备注发票抬头", "问店铺会员活动", "投诉客服态度", "咨询批量采购"),
}
TICKET_OUTCOMES: dict[TicketCategory, tuple[str, ...]] = {
    TicketCategory.PRE_SALE: ("已解答，买家已下单", "已解答", "推荐了合适尺寸"),
    TicketCategory.LOGISTICS: ("已联系快递加急", "已改地址", "快递已派送，买家已签收", "已补发"),
    TicketCategory.RETURN_REFUND: ("已同意退货退款", "已退款", "已换货", "买家撤销申请"),
    TicketCategory.QUALITY: ("已补发", "已部分退款补偿10元", "已退货退款", "已补偿优惠券"),
    TicketCategory.BAD_REVIEW: ("买家已追评改善", "已补偿，买家删除差评", "已解释，买家未回复"),
    TicketCategory.OTHER: ("已处理", "已转运营经理", "已解答"),
}
TICKET_NOTES = (
    "已核实订单信息",
    "已查看物流轨迹",
    "已联系仓库确认",
    "买家情绪激动，注意安抚",
    "需要运营经理审批补偿",
    "已截图留证",
)


@dataclass(frozen=True)
class PromotionSpec:
    """A promotion the marketing specialist plans every year: it runs ``days`` days up to and including its
    main day (month, day), in one platform's shop or every shop (None), for the SKUs of the products whose
    title holds one of ``products``; the work on it starts ``lead`` days before it starts."""

    name: str
    month: int
    day: int
    days: int
    kind: str  # services.promotions.PromotionKind
    platform: Platform | None
    products: tuple[str, ...]
    lead: int
    description: str


PROMOTIONS = (
    PromotionSpec(
        "年货节 满199减20", 1, 10, 7, "full_reduction", None, ("四件套", "毛毯"), 10, "全店满199减20，毛毯、四件套主推"
    ),
    PromotionSpec("38女神节 限时折扣", 3, 8, 3, "discount", None, ("浴巾", "眼罩"), 7, "浴巾、眼罩 8.8折，前1小时加赠"),
    PromotionSpec("京东 PLUS会员日", 4, 15, 1, "discount", Platform.JD, ("四件套", "乳胶枕"), 7, "PLUS会员专享价"),
    PromotionSpec(
        "618 满300减40",
        6,
        18,
        19,
        "full_reduction",
        None,
        ("凉席", "四件套"),
        14,
        "跨店满减 + 店铺优惠券，冰丝凉席、天丝四件套主推",
    ),
    PromotionSpec(
        "拼多多 百亿补贴", 7, 25, 10, "discount", Platform.PDD, ("水洗棉", "浴巾"), 10, "水洗棉四件套、纯棉浴巾补贴价"
    ),
    PromotionSpec(
        "抖音直播间 秒杀", 8, 20, 7, "flash_sale", Platform.DOUYIN, ("毛巾",), 7, "每晚8点直播，毛巾1元秒杀引流"
    ),
    PromotionSpec("99划算节 优惠券", 9, 9, 5, "coupon", Platform.TAOBAO, ("收纳", "靠垫"), 7, "全店5元无门槛券"),
    PromotionSpec(
        "双11 预售 + 定金膨胀",
        10,
        31,
        12,
        "discount",
        None,
        ("牛奶绒", "羊毛毯"),
        20,
        "定金20抵50，牛奶绒四件套、羊毛毯主推",
    ),
    PromotionSpec(
        "双11 满300减50",
        11,
        11,
        11,
        "full_reduction",
        None,
        ("四件套", "毛毯", "被芯"),
        20,
        "跨店满减，搭配店铺券与赠品",
    ),
    PromotionSpec("双12 年终盛典", 12, 12, 3, "full_reduction", None, ("桌布",), 10, "满199减30，清仓旧款桌布"),
)

# --- how each platform prints an order (platform-formats.md §1.5, §9) ---------------------------------------
_P, _S = OrderStatus, RefundState
ORDER_STATUS_TEXT = {
    Platform.TAOBAO: {
        _P.PENDING_PAYMENT: "等待买家付款",
        _P.PAID: "买家已付款，等待卖家发货",
        _P.SHIPPED: "卖家已发货，等待买家确认",
        _P.COMPLETED: "交易成功",
        _P.CLOSED: "交易关闭",
        _P.REFUNDED: "交易关闭",
    },
    Platform.JD: {
        _P.PENDING_PAYMENT: "等待付款",
        _P.PAID: "等待出库",
        _P.SHIPPED: "等待确认收货",
        _P.COMPLETED: "完成",
        _P.CLOSED: "已取消",
        _P.REFUNDED: "已取消",
    },
    Platform.PDD: {
        _P.PENDING_PAYMENT: "待支付",
        _P.PAID: "待发货",
        _P.SHIPPED: "已发货，待签收",
        _P.COMPLETED: "已签收",
        _P.CLOSED: "已取消",
        _P.REFUNDED: "已签收，退款成功",
    },
    Platform.DOUYIN: {
        _P.PENDING_PAYMENT: "待支付",
        _P.PAID: "备货中",
        _P.SHIPPED: "已发货",
        _P.COMPLETED: "已完成",
        _P.CLOSED: "已关闭",
        _P.REFUNDED: "已关闭",
    },
}
REFUND_STATUS_TEXT = {
    Platform.TAOBAO: {
        _S.NONE: "没有申请退款",
        _S.REFUNDING: "买家已经申请退款，等待卖家同意",
        _S.REFUNDED: "退款成功",
        _S.REJECTED: "卖家拒绝退款",
        _S.CLOSED: "退款关闭",
    },
    Platform.JD: {
        _S.NONE: "",
        _S.REFUNDING: "审核中",
        _S.REFUNDED: "退款成功",
        _S.REJECTED: "审核不通过",
        _S.CLOSED: "已取消",
    },
    Platform.PDD: {
        _S.NONE: "无售后或售后取消",
        _S.REFUNDING: "售后处理中",
        _S.REFUNDED: "退款成功",
        _S.REJECTED: "售后取消，退款失败",
        _S.CLOSED: "无售后或售后取消",
    },
    Platform.DOUYIN: {
        _S.NONE: "",
        _S.REFUNDING: "售后中",
        _S.REFUNDED: "退款成功",
        _S.REJECTED: "售后关闭",
        _S.CLOSED: "已撤销",
    },
}
# (first, width) of each platform's order-id number; PDD prints it after the payment date (YYMMDD-…).
ORDER_ID_RANGE = {
    Platform.TAOBAO: (2_700_000_000_000_000_000, 199_999_999_999_999_999),  # 19 digits, 27…/28…
    Platform.JD: (280_000_000_000, 19_999_999_999),  # 12 digits
    Platform.PDD: (100_000_000_000_000, 899_999_999_999_999),  # 15 digits
    Platform.DOUYIN: (6_900_000_000_000_000_000, 99_999_999_999_999_999),  # 19 digits, 69…
}
REFUND_ID_RANGE = {
    Platform.TAOBAO: (140_000_000_000_000_000, 9_999_999_999_999_999),  # 18 digits
    Platform.JD: (1_500_000_000, 499_999_999),  # 10 digits (服务单号)
    Platform.PDD: (100_000_000_000, 99_999_999_999),  # 12 digits (售后编号)
    Platform.DOUYIN: (7_100_000_000_000_000_000, 99_999_999_999_999_999),  # 19 digits, 71…
}
# Weights over CARRIERS; JD third-party shops mostly hand over to 京东物流.
CARRIER_WEIGHTS = {
    Platform.TAOBAO: (30, 25, 15, 10, 8, 12, 0),
    Platform.JD: (0, 0, 0, 0, 0, 12, 88),
    Platform.PDD: (30, 20, 15, 10, 22, 3, 0),
    Platform.DOUYIN: (30, 25, 15, 10, 10, 10, 0),
}
AUTO_CONFIRM_DAYS = {Platform.TAOBAO: 10, Platform.JD: 7, Platform.PDD: 10, Platform.DOUYIN: 7}
# Share of the orders per platform at the start and at the end of the year (Douyin grows).
PLATFORM_SHARE_START = {Platform.TAOBAO: 0.50, Platform.JD: 0.12, Platform.PDD: 0.26, Platform.DOUYIN: 0.12}
PLATFORM_SHARE_END = {Platform.TAOBAO: 0.40, Platform.JD: 0.12, Platform.PDD: 0.24, Platform.DOUYIN: 0.24}
FAR_PROVINCES = frozenset({"新疆维吾尔自治区", "内蒙古自治区", "甘肃省", "宁夏回族自治区"})  # extra shipping fee
