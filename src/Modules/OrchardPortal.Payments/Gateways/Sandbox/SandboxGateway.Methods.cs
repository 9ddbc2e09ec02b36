using Microsoft.EntityFrameworkCore;

namespace OrchardPortal.Payments.Gateways.Sandbox;

/// <summary>The Sandbox's payment methods: typed test numbers become method ids; saved methods are listed, made default, removed.</summary>
public sealed partial class SandboxGateway
{
    /// <summary>Turns a typed test card into a method id; the number is not kept. Returns an error for the customer instead when it is not usable.</summary>
    public Task<(string? MethodId, string? Error)> CreateCardMethodAsync(string? number, int expMonth, int expYear, string? cvc, CancellationToken cancellationToken) =>
        CreateCardMethodAsync(number, expMonth, expYear, cvc, idempotencyKey: null, cancellationToken);

    /// <summary>
    /// The same, idempotent: one form submitted many times (a double click, a retry) yields one method id, as
    /// the one <c>pm_…</c> Stripe.js makes in the browser would, so the payment that follows keeps one key and one set of parameters.
    /// </summary>
    public Task<(string? MethodId, string? Error)> CreateCardMethodAsync(string? number, int expMonth, int expYear, string? cvc, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var card = SandboxCards.FindCard(number, out var error);
        if (card is null)
        {
            return Task.FromResult<(string?, string?)>((null, error));
        }

        var today = clock.GetUtcNow();
        if (expMonth is < 1 or > 12 || expYear < today.Year || (expYear == today.Year && expMonth < today.Month) || expYear > today.Year + 20)
        {
            return Task.FromResult<(string?, string?)>((null, "Enter a valid expiration date in the future."));
        }

        if (SandboxCards.Digits(cvc).Length is < 3 or > 4)
        {
            return Task.FromResult<(string?, string?)>((null, "Enter the card's 3- or 4-digit security code."));
        }

        var digits = SandboxCards.Digits(number);
        return AddMethodAsync(new SandboxMethod
        {
            Id = NewId("sbpm"),
            Kind = PaymentMethodKind.Card,
            Brand = card.Value.Brand,
            Last4 = digits[^4..],
            ExpMonth = expMonth,
            ExpYear = expYear,
            Behaviour = card.Value.Behaviour,
        }, idempotencyKey, cancellationToken);
    }

    /// <summary>Turns a typed test bank account into a method id (only the last four digits are kept).</summary>
    public Task<(string? MethodId, string? Error)> CreateBankMethodAsync(string? routingNumber, string? accountNumber, CancellationToken cancellationToken) =>
        CreateBankMethodAsync(routingNumber, accountNumber, idempotencyKey: null, cancellationToken);

    public Task<(string? MethodId, string? Error)> CreateBankMethodAsync(string? routingNumber, string? accountNumber, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var behaviour = SandboxCards.FindBankAccount(routingNumber, accountNumber, out var error);
        if (behaviour is null)
        {
            return Task.FromResult<(string?, string?)>((null, error));
        }

        return AddMethodAsync(new SandboxMethod
        {
            Id = NewId("sbpm"),
            Kind = PaymentMethodKind.BankAccount,
            Brand = "STRIPE TEST BANK",
            Last4 = SandboxCards.Digits(accountNumber)[^4..],
            Behaviour = behaviour.Value,
        }, idempotencyKey, cancellationToken);
    }

    public Task<IReadOnlyList<SavedPaymentMethod>> ListMethodsAsync(string gatewayCustomerId, CancellationToken cancellationToken) =>
        store.RunAsync<IReadOnlyList<SavedPaymentMethod>>(async db =>
        {
            var methods = await db.Set<SandboxMethod>().AsNoTracking().Where(m => m.GatewayCustomerId == gatewayCustomerId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            return [.. methods.Select(m => new SavedPaymentMethod(m.Id, Summary(m), m.IsDefault))];
        }, cancellationToken);

    public Task SetDefaultMethodAsync(string gatewayCustomerId, string methodId, CancellationToken cancellationToken) =>
        store.RunAsync(async db =>
        {
            var methods = await db.Set<SandboxMethod>().Where(m => m.GatewayCustomerId == gatewayCustomerId).ToListAsync(cancellationToken);
            if (methods.All(m => m.Id != methodId))
            {
                throw new PaymentGatewayException("No such payment method.", "resource_missing");
            }

            foreach (var method in methods)
            {
                method.IsDefault = method.Id == methodId;
            }

            return true;
        }, cancellationToken);

    public Task<bool> RemoveMethodAsync(string gatewayCustomerId, string methodId, CancellationToken cancellationToken) =>
        store.RunAsync(async db =>
        {
            var method = await db.Set<SandboxMethod>().FirstOrDefaultAsync(m => m.Id == methodId && m.GatewayCustomerId == gatewayCustomerId, cancellationToken);
            if (method is null)
            {
                return false;
            }

            (method.GatewayCustomerId, method.IsDefault) = (null, false);
            return true;
        }, cancellationToken);

    private async Task<(string? MethodId, string? Error)> AddMethodAsync(SandboxMethod method, string? idempotencyKey, CancellationToken cancellationToken)
    {
        method.CreatedUtc = clock.GetUtcNow();
        Task<SandboxMethodCreated> Add(Core.Data.TenantDbContext db)
        {
            db.Add(method);
            return Task.FromResult(new SandboxMethodCreated(method.Id));
        }

        // The stored parameters are what identifies the method (kind, behaviour, last four, expiry), never the full number.
        var parameters = new { method.Kind, method.Behaviour, method.Brand, method.Last4, method.ExpMonth, method.ExpYear };
        var created = idempotencyKey is null
            ? await store.RunAsync(Add, cancellationToken)
            : await store.IdempotentAsync(idempotencyKey, "create_method", parameters, Add, cancellationToken);
        return (created.Id, null);
    }

    private sealed record SandboxMethodCreated(string Id);
}
