using System.Text;
using System.Xml;
using SlaWatch.Channels.Chat;

namespace SlaWatch.Channels.WeChat;

/// <summary>
/// The flat XML WeChat pushes (<c>&lt;xml&gt;&lt;Field&gt;value&lt;/Field&gt;…&lt;/xml&gt;</c>) as its fields, read
/// with no DTD (so no entity, internal or external, is ever expanded) and a bounded size.
/// </summary>
public static class WeChatXml
{
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The root's child elements by name (the first of a name wins); a <see cref="ChatFormatException"/>
    /// says what is wrong with a body that is not such XML.</summary>
    public static IReadOnlyDictionary<string, string> Read(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.Name != "xml")
            {
                throw new ChatFormatException("not a WeChat message (the root is not <xml>)");
            }

            // A field is a child of the root; its value is all the text below it (a few events nest theirs).
            string? field = null;
            var text = new StringBuilder();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.Depth == 1:
                        field = reader.Name;
                        text.Clear();
                        if (reader.IsEmptyElement)
                        {
                            fields.TryAdd(field, string.Empty);
                            field = null;
                        }

                        break;
                    case XmlNodeType.Text
                    or XmlNodeType.CDATA
                    or XmlNodeType.SignificantWhitespace when field is not null:
                        text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.Depth == 1 && field is not null:
                        fields.TryAdd(field, text.ToString());
                        field = null;
                        break;
                }
            }
        }
        catch (XmlException error)
        {
            throw new ChatFormatException($"not well-formed XML ({error.Message.Split(" Line ")[0]})");
        }

        return fields;
    }
}
