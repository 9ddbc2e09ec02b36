using OrchardPortal.FakeStripe.Api;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>Sends a parsed request to its resource. Runs under the account's lock.</summary>
public static class ApiRouter
{
    public static ApiResult Dispatch(ApiRequest request)
    {
        var result = request.Segments[0] switch
        {
            "customers" => CustomersApi.Handle(request),
            "payment_methods" => PaymentMethodsApi.Handle(request),
            "payment_intents" => PaymentIntentsApi.Handle(request),
            "setup_intents" => SetupIntentsApi.Handle(request),
            "refunds" => RefundsApi.Handle(request),
            "charges" => ReadOnlyApis.Charges(request),
            "events" => ReadOnlyApis.Events(request),
            "webhook_endpoints" => WebhookEndpointsApi.Handle(request),
            _ => null,
        };
        if (result is not { } found)
        {
            throw new StripeException(404, "invalid_request_error", null,
                $"Unrecognized request URL ({request.Method}: {request.Url}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                saved: false);
        }

        var expand = request.Form.Expand();
        if (expand.Count > 0 && found.Json is not null)
        {
            Expander.Apply(request.Account, found.Json, expand);
        }

        return found;
    }
}
