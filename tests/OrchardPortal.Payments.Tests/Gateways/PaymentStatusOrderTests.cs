using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Tests.Gateways;

public sealed class PaymentStatusOrderTests
{
    [Theory]
    [InlineData(PaymentStatus.Processing)]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.RequiresAction)]
    [InlineData(PaymentStatus.Pending)]
    public void A_succeeded_payment_never_moves_again(PaymentStatus next) =>
        Assert.False(PaymentStatusOrder.CanMove(PaymentStatus.Succeeded, next));

    [Fact]
    public void A_processing_debit_can_only_settle_or_fail()
    {
        Assert.True(PaymentStatusOrder.CanMove(PaymentStatus.Processing, PaymentStatus.Succeeded));
        Assert.True(PaymentStatusOrder.CanMove(PaymentStatus.Processing, PaymentStatus.Failed));
        Assert.False(PaymentStatusOrder.CanMove(PaymentStatus.Processing, PaymentStatus.RequiresAction));
        Assert.False(PaymentStatusOrder.CanMove(PaymentStatus.Processing, PaymentStatus.Pending));
    }

    [Fact]
    public void Nothing_moves_back_to_pending()
    {
        Assert.False(PaymentStatusOrder.CanMove(PaymentStatus.RequiresAction, PaymentStatus.Pending));
        Assert.False(PaymentStatusOrder.CanMove(PaymentStatus.Failed, PaymentStatus.Pending));
    }
}
