namespace IaasKyc.Domain;

/// <summary>A rule's verdict on one input: a stable code, a message a person can act on, and the field it is about.</summary>
public sealed record Finding(string Code, string Message, string Field);
