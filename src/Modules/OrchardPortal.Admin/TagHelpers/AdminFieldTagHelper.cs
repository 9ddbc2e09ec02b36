using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OrchardPortal.Admin.TagHelpers;

/// <summary>
/// The admin's form field: label, input, optional hint and the field's validation message, wired
/// together for screen readers (<c>aria-describedby</c>, <c>aria-invalid</c>).
/// <code>&lt;admin-field for="Input.Email" type="email" autocomplete="username" hint="..." /&gt;</code>
/// Labels come from <c>[Display(Name = ...)]</c> on the property. A tag helper rather than a partial
/// because only a tag helper can pass the <c>for</c> expression on with its metadata intact.
/// </summary>
[HtmlTargetElement("admin-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AdminFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public required ModelExpression For { get; set; }

    /// <summary>The input's type: text (default), email, password, …</summary>
    public string Type { get; set; } = "text";

    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    public bool Autofocus { get; set; }

    /// <summary>Extra attributes go on the input itself, e.g. <c>data-strength</c>.</summary>
    [HtmlAttributeName(DictionaryAttributePrefix = "input-")]
    public IDictionary<string, string?> InputAttributes { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, generator.IdAttributeDotReplacement);
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", id + "-error" }.OfType<string>());

        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["class"] = "input",
            ["aria-describedby"] = describedBy,
        };
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (Autofocus)
        {
            attributes["autofocus"] = "autofocus";
        }

        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }

        if (For.Metadata.IsRequired)
        {
            attributes["required"] = "required";
        }

        foreach (var (key, value) in InputAttributes)
        {
            attributes[key] = value;
        }

        var input = Type == "password"
            ? generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes)
            : generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, WithType(attributes));
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, new { @class = "label" });
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "p", new { @class = "field-error", id = id + "-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field-invalid" : "field");
        var content = new HtmlContentBuilder();
        content.AppendHtml(label).AppendHtml(input);
        if (Hint is not null)
        {
            content.AppendHtml($"<p class=\"hint\" id=\"{id}-hint\">").Append(Hint).AppendHtml("</p>");
        }

        content.AppendHtml(error);
        output.Content.SetHtmlContent(content);
    }

    private Dictionary<string, object?> WithType(Dictionary<string, object?> attributes)
    {
        attributes["type"] = Type;
        return attributes;
    }
}
