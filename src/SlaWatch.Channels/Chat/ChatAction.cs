using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Chat;

/// <summary>What one webhook body means for tickets.</summary>
public abstract record ChatAction;

/// <summary>The customer opened a conversation (<paramref name="Opens"/>) or wrote in it.</summary>
public sealed record ChatContact(InboundContact Contact, bool Opens = false) : ChatAction;

/// <summary>Something happened on the conversation's ticket: an agent answered, the status changed.</summary>
public sealed record ChatTicketEvent(string ConversationKey, TicketEvent Event) : ChatAction;

/// <summary>An event SlaWatch has no use for (typing, widget opened, internal note, bot message).</summary>
public sealed record ChatIgnored(string What) : ChatAction;

/// <summary>A body that parses as JSON but is not a usable webhook of its format.</summary>
public sealed class ChatFormatException(string message) : Exception(message);

/// <summary>A webhook body screened: the action it asks for, or its refusal (already kept).</summary>
public sealed record ChatScreening(ChatAction? Action, ChatWebhookResult? Refused);
