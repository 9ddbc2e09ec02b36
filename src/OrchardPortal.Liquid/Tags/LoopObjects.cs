using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tags;

/// <summary>The <c>forloop</c> variable. One instance per loop execution, updated in place each iteration.</summary>
internal sealed class ForLoopObject : ILiquidObject
{
    public ForLoopObject(string name, long length, object? parent)
    {
        Name = name;
        Length = length;
        Parent = parent;
    }

    public string Name { get; }

    public long Length { get; }

    public object? Parent { get; }

    public long Index0 { get; set; }

    public bool TryGetMember(string name, TemplateContext context, out object? value)
    {
        value = name switch
        {
            "index" => BoxedValueCache.Box(Index0 + 1),
            "index0" => BoxedValueCache.Box(Index0),
            "rindex" => BoxedValueCache.Box(Length - Index0),
            "rindex0" => BoxedValueCache.Box(Length - Index0 - 1),
            "first" => BoxedValueCache.Box(Index0 == 0),
            "last" => BoxedValueCache.Box(Index0 == Length - 1),
            "length" => BoxedValueCache.Box(Length),
            "name" => Name,
            "parentloop" => Parent,
            _ => null,
        };
        return value is not null || name == "parentloop";
    }
}

/// <summary>The <c>tablerowloop</c> variable: <c>forloop</c>'s members plus row and column positions.</summary>
internal sealed class TableRowLoopObject : ILiquidObject
{
    private readonly long _columns;

    public TableRowLoopObject(long length, long columns)
    {
        Length = length;
        _columns = columns;
    }

    public long Length { get; }

    public long Index0 { get; set; }

    public long Col0 => Index0 % _columns;

    public long Row => (Index0 / _columns) + 1;

    public bool TryGetMember(string name, TemplateContext context, out object? value)
    {
        value = name switch
        {
            "index" => BoxedValueCache.Box(Index0 + 1),
            "index0" => BoxedValueCache.Box(Index0),
            "rindex" => BoxedValueCache.Box(Length - Index0),
            "rindex0" => BoxedValueCache.Box(Length - Index0 - 1),
            "first" => BoxedValueCache.Box(Index0 == 0),
            "last" => BoxedValueCache.Box(Index0 == Length - 1),
            "length" => BoxedValueCache.Box(Length),
            "col" => BoxedValueCache.Box(Col0 + 1),
            "col0" => BoxedValueCache.Box(Col0),
            "col_first" => BoxedValueCache.Box(Col0 == 0),
            "col_last" => BoxedValueCache.Box(Col0 == _columns - 1),
            "row" => BoxedValueCache.Box(Row),
            _ => null,
        };
        return value is not null;
    }
}
