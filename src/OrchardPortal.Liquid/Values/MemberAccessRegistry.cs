using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace OrchardPortal.Liquid.Values;

/// <summary>
/// The allow-list of CLR members templates may read. Only registered members are reachable;
/// records and anonymous types expose their public properties automatically because they are plain data.
/// Getters are compiled once per member and return Liquid values, so reads cost a dictionary lookup and a delegate call.
/// </summary>
public sealed class MemberAccessRegistry
{
    private readonly ConcurrentDictionary<Type, Dictionary<string, Func<object, object?>>> _registered = new();
    private readonly ConcurrentDictionary<Type, Dictionary<string, Func<object, object?>>?> _resolved = new();

    private static readonly MethodInfo BoxInteger = typeof(BoxedValueCache).GetMethod(nameof(BoxedValueCache.Box), [typeof(long)])!;
    private static readonly MethodInfo BoxBoolean = typeof(BoxedValueCache).GetMethod(nameof(BoxedValueCache.Box), [typeof(bool)])!;
    private static readonly MethodInfo Normalize = typeof(ValueNormalizer).GetMethod(nameof(ValueNormalizer.Normalize))!;

    /// <summary>
    /// Exposes the named public properties or fields of <typeparamref name="T"/>. The template name is the string given;
    /// the CLR member is matched case-insensitively, so <c>Register&lt;Product&gt;("name")</c> exposes <c>Product.Name</c> as <c>name</c>.
    /// </summary>
    public MemberAccessRegistry Register<T>(params string[] members)
    {
        var map = GetOrAdd(typeof(T));
        foreach (var name in members)
        {
            var member = FindMember(typeof(T), name)
                ?? throw new ArgumentException($"Type {typeof(T).Name} has no public property or field '{name}'.", nameof(members));
            map[name] = Compile(typeof(T), member);
        }

        _resolved.Clear();
        return this;
    }

    /// <summary>Exposes a computed member under <paramref name="name"/>.</summary>
    public MemberAccessRegistry Register<T>(string name, Func<T, object?> getter)
    {
        ArgumentNullException.ThrowIfNull(getter);
        GetOrAdd(typeof(T))[name] = target => ValueNormalizer.Normalize(getter((T)target));
        _resolved.Clear();
        return this;
    }

    /// <summary>Exposes every public instance property of <typeparamref name="T"/> under its own, camelCase and snake_case names.</summary>
    public MemberAccessRegistry RegisterAllProperties<T>()
    {
        var map = GetOrAdd(typeof(T));
        AddAllProperties(typeof(T), map);
        _resolved.Clear();
        return this;
    }

    internal bool TryGetMember(object target, string name, out object? value)
    {
        var type = target.GetType();
        if (!_resolved.TryGetValue(type, out var members))
        {
            members = Resolve(type);
            _resolved[type] = members;
        }

        if (members is not null && members.TryGetValue(name, out var getter))
        {
            value = getter(target);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// The compiled getter for <paramref name="name"/> on <paramref name="type"/>, for callers that cache it per call site.
    /// Every getter returns a Liquid value already (see <see cref="ToLiquidValue"/>), so callers need not normalize it.
    /// </summary>
    internal Func<object, object?>? FindGetter(Type type, string name)
    {
        if (!_resolved.TryGetValue(type, out var members))
        {
            members = Resolve(type);
            _resolved[type] = members;
        }

        return members is not null && members.TryGetValue(name, out var getter) ? getter : null;
    }

    private Dictionary<string, Func<object, object?>> GetOrAdd(Type type) =>
        _registered.GetOrAdd(type, _ => new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal));

    private Dictionary<string, Func<object, object?>>? Resolve(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            if (_registered.TryGetValue(current, out var map))
            {
                return map;
            }
        }

        if (IsPlainData(type))
        {
            var map = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
            AddAllProperties(type, map);
            return map;
        }

        return null;
    }

    /// <summary>Records (they have a compiler-generated <c>EqualityContract</c>) and anonymous types are data by construction.</summary>
    private static bool IsPlainData(Type type)
    {
        if (type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is { } contract
            && contract.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
        {
            return true;
        }

        return type.IsSealed && type.Name.Contains("AnonymousType", StringComparison.Ordinal)
            && type.GetCustomAttribute<CompilerGeneratedAttribute>() is not null;
    }

    private static void AddAllProperties(Type type, Dictionary<string, Func<object, object?>> map)
    {
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var getter = Compile(type, property);
            map.TryAdd(property.Name, getter);
            map.TryAdd(char.ToLowerInvariant(property.Name[0]) + property.Name[1..], getter);
            map.TryAdd(ToSnakeCase(property.Name), getter);
        }
    }

    private static MemberInfo? FindMember(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public;
        var candidates = type.GetMembers(flags)
            .Where(m => m is PropertyInfo { GetMethod: not null } p && p.GetIndexParameters().Length == 0 || m is FieldInfo)
            .ToList();
        return candidates.Find(m => m.Name == name)
            ?? candidates.Find(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? candidates.Find(m => string.Equals(ToSnakeCase(m.Name), name, StringComparison.Ordinal));
    }

    private static Func<object, object?> Compile(Type type, MemberInfo member)
    {
        var parameter = Expression.Parameter(typeof(object), "target");
        var typed = type.IsValueType ? Expression.Unbox(parameter, type) : (Expression)Expression.Convert(parameter, type);
        Expression access = member is PropertyInfo property ? Expression.Property(typed, property) : Expression.Field(typed, (FieldInfo)member);
        var body = ToLiquidValue(access);
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }

    /// <summary>
    /// Converts to the Liquid value model inside the compiled getter, where the member's type is known: a float
    /// property is boxed once (as double), an int property comes from the shared small-integer boxes, and strings,
    /// longs, doubles and bools need no conversion at all. Only members of other types pay for the general normalizer.
    /// </summary>
    private static Expression ToLiquidValue(Expression access)
    {
        var type = access.Type;
        if (type == typeof(string))
        {
            return access;
        }

        if (type == typeof(double))
        {
            return Expression.Convert(access, typeof(object));
        }

        if (type == typeof(float) || type == typeof(decimal))
        {
            return Expression.Convert(Expression.Convert(access, typeof(double)), typeof(object));
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte)
            || type == typeof(ushort) || type == typeof(uint))
        {
            return Expression.Call(BoxInteger, Expression.Convert(access, typeof(long)));
        }

        if (type == typeof(bool))
        {
            return Expression.Call(BoxBoolean, access);
        }

        return Expression.Call(Normalize, Expression.Convert(access, typeof(object)));
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
