using System.Diagnostics.CodeAnalysis;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;

namespace OrchardPortal.Liquid.Tags;

/// <summary>The standard Liquid tags, by name.</summary>
internal static class BuiltInTags
{
    private static readonly Dictionary<string, Func<TemplateParser, Token, Node>> Parsers = new(StringComparer.Ordinal)
    {
        ["assign"] = AssignTag.Parse,
        ["capture"] = CaptureTag.Parse,
        ["increment"] = CounterTag.ParseIncrement,
        ["decrement"] = CounterTag.ParseDecrement,
        ["if"] = IfTag.ParseIf,
        ["unless"] = IfTag.ParseUnless,
        ["case"] = CaseTag.Parse,
        ["for"] = ForTag.Parse,
        ["tablerow"] = TableRowTag.Parse,
        ["break"] = LoopControlNode.ParseBreak,
        ["continue"] = LoopControlNode.ParseContinue,
        ["cycle"] = CycleTag.Parse,
        ["comment"] = CommentTags.ParseComment,
        ["#"] = CommentTags.ParseInlineComment,
        ["doc"] = CommentTags.ParseDoc,
        ["raw"] = RawNode.Parse,
        ["echo"] = EchoTag.Parse,
        ["liquid"] = LiquidTag.Parse,
        ["render"] = RenderTag.Parse,
        ["include"] = IncludeTag.Parse,
        ["ifchanged"] = IfChangedTag.Parse,
    };

    public static bool TryGetParser(string name, [NotNullWhen(true)] out Func<TemplateParser, Token, Node>? parser) =>
        Parsers.TryGetValue(name, out parser);

    /// <summary>
    /// A variable name for assign, capture, increment and decrement: letters, digits, underscores and inner hyphens,
    /// no trailing '?'.
    /// </summary>
    public static string ParseTargetName(ExpressionParser parser, bool allowQuoted)
    {
        var token = parser.Current;
        var valid = token.Kind switch
        {
            MarkupKind.Identifier => !token.Text.EndsWith('?'),
            MarkupKind.Integer => !token.Text.StartsWith('-'),
            MarkupKind.String => allowQuoted,
            _ => false,
        };
        if (!valid)
        {
            throw parser.Error($"Invalid variable name '{token.Text}'");
        }

        parser.Advance();
        return token.Text;
    }

    /// <summary>A block's body; when every node in it is blank, whitespace-only text is dropped as Liquid does.</summary>
    public static BlockBody Trim(BlockBody body, bool blockIsBlank) => blockIsBlank ? body.WithoutBlankText() : body;
}
