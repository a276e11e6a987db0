namespace SlaWatch.Replay.Generation;

/// <summary>
/// What generated customers write, per category, in Chinese and English. Each subject carries a keyword of the shipped
/// classification rules, so the classifier sorts generated tickets as it sorts real ones.
/// </summary>
internal static class SampleTexts
{
    public sealed record Sample(string Subject, string Text);

    public sealed record CategoryMix(string Key, double Share, bool MayBeUrgent, Sample[] Samples);

    /// <summary>
    /// Our assumed mix for a retail help desk (the brief gives no shares); technical faults lead, as in the review's
    /// complaint list, and service-attitude complaints are a small but watched share.
    /// </summary>
    public static readonly CategoryMix[] Categories =
    [
        new(
            "technical-fault",
            0.28,
            true,
            [
                new("App 无法登录，一直报错", "今天早上开始登录时报错，提示网络异常，重装也不行。"),
                new("页面打不开，显示故障", "订单页面打不开，刷新很多次都一样。"),
                new("Cannot log in to my account", "Since this morning I get an error when I try to log in."),
                new("The app keeps crashing", "It crashes every time I open the order history."),
            ]
        ),
        new(
            "usage-question",
            0.24,
            false,
            [
                new("请问怎么修改收货地址？", "下单后想改地址，请问如何操作？"),
                new("如何开具发票", "请问在哪里申请电子发票？"),
                new("How do I change my delivery address?", "I placed an order and need to change the address."),
                new("Question about my membership points", "Where can I see how many points I have?"),
            ]
        ),
        new(
            "logistics-delay",
            0.16,
            false,
            [
                new("快递一周了还没收到", "物流信息三天没有更新了，麻烦查一下。"),
                new("发货太慢", "下单五天了还没发货。"),
                new("Delivery is late", "The tracking page has not changed for four days."),
            ]
        ),
        new(
            "product-quality",
            0.12,
            false,
            [
                new("收到的商品有破损", "外包装完好但里面的杯子破损了。"),
                new("质量问题，用了两天就坏了", "充电器用了两天就坏了，要求换货。"),
                new("The item arrived damaged", "The screen has a crack and the box is dented."),
            ]
        ),
        new(
            "refund",
            0.08,
            false,
            [
                new("申请退款", "商品不合适，申请退款，请尽快处理。"),
                new("Refund for order", "I returned the parcel last week; when will I get my money back?"),
            ]
        ),
        new(
            "service-attitude",
            0.05,
            false,
            [
                new("客服态度很差", "昨天电话里的客服很不耐烦。"),
                new("Rude answer from your agent", "The agent was rude and hung up."),
            ]
        ),
        new(
            "complaint",
            0.04,
            false,
            [
                new("投诉：多次反映没有结果", "同一个问题反映了三次还没解决，我要投诉。"),
                new("Formal complaint", "I want to file a complaint about how my case was handled."),
            ]
        ),
        new(
            "suggestion",
            0.03,
            false,
            [
                new("建议增加夜间客服", "希望增加晚上的在线客服。"),
                new("Feature request: dark mode", "I would like to suggest a dark mode for the app."),
            ]
        ),
    ];

    public static readonly string[] Agents =
    [
        "客服A",
        "客服B",
        "客服C",
        "客服D",
        "客服E",
        "工号001",
        "工号002",
        "工号003",
    ];

    public static readonly string[] OverdueReasons = ["坐席繁忙", "核实信息中", "等待仓库发货", "系统故障"];

    public static readonly string[] AgentReplies =
    [
        "您好，已收到您的问题，正在为您处理。",
        "Thanks for reaching out, we are looking into it.",
        "您好，请提供订单号以便核实。",
    ];
}
