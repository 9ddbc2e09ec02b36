namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// An Event as Stripe stores it: the object's state at the moment of the change, serialized
/// once, so every delivery and every GET /v1/events/{id} carries identical bytes.
/// </summary>
public sealed record EventRecord(string Id, string Type, long Created, string ObjectId, byte[] Json);
