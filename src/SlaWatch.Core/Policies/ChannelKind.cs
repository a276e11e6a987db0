namespace SlaWatch.Core.Policies;

/// <summary>
/// How a channel behaves, whatever it is called: a conversation (web chat, WeChat, WeCom), a message answered in
/// turn (e-mail, a web form), a call. First-contact resolution and the default targets follow the kind.
/// </summary>
public enum ChannelKind
{
    Mail,
    Chat,
    Phone,
}
