namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>What a message form shows again after a refusal: what was typed, and why it was refused.</summary>
public sealed record MessageForm(string? Body = null, string? Title = null, string? About = null, string? Error = null, string? Notice = null);
