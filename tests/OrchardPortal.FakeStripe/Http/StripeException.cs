using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>
/// An error answered in Stripe's shape: <c>{"error": {"type", "code", "message", "param", …}}</c>.
/// <see cref="Saved"/> says whether an idempotency key keeps it: Stripe saves the result once
/// the endpoint has begun executing (card declines, missing resources, wrong state) but not
/// when the parameters failed validation, so a corrected retry with the same key may run.
/// </summary>
public sealed class StripeException : Exception
{
    public StripeException(int status, string type, string? code, string message, string? param = null, bool saved = true)
        : base(message)
    {
        Status = status;
        Type = type;
        Code = code;
        Param = param;
        Saved = saved;
    }

    public StripeException()
        : this(500, "api_error", null, "An unknown error occurred")
    {
    }

    public StripeException(string message)
        : this(500, "api_error", null, message)
    {
    }

    public StripeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Type = "api_error";
    }

    public int Status { get; }

    public string Type { get; }

    public string? Code { get; }

    public string? Param { get; }

    public bool Saved { get; }

    public string? DeclineCode { get; init; }

    /// <summary>Extra members of the error object, e.g. <c>payment_intent</c> or <c>charge</c>.</summary>
    public JsonObject? Extra { get; init; }

    public JsonObject ToJson()
    {
        var error = new JsonObject();
        if (Code is not null)
        {
            error["code"] = Code;
            error["doc_url"] = "https://stripe.com/docs/error-codes/" + Code.Replace('_', '-');
        }

        if (DeclineCode is not null)
        {
            error["decline_code"] = DeclineCode;
        }

        error["message"] = Message;
        if (Param is not null)
        {
            error["param"] = Param;
        }

        if (Extra is not null)
        {
            foreach (var (name, value) in Extra)
            {
                error[name] = value?.DeepClone();
            }
        }

        error["type"] = Type;
        return new JsonObject { ["error"] = error };
    }

    public static StripeException Missing(string param) =>
        new(400, "invalid_request_error", "parameter_missing", $"Missing required param: {param}.", param, saved: false);

    public static StripeException Invalid(string param, string message, string? code = null) =>
        new(400, "invalid_request_error", code, message, param, saved: false);

    public static StripeException NoSuch(string objectName, string id, string param = "id") =>
        new(404, "invalid_request_error", "resource_missing", $"No such {objectName}: '{id}'", param);

    public static StripeException UnexpectedState(string code, string message) =>
        new(400, "invalid_request_error", code, message);
}
