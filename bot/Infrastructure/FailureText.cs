namespace ParoleOnco.Infrastructure;

/// <summary>
/// What is kept and logged of an exception in background work: its type and the method that threw it. Never its
/// message, which may quote the data it failed on.
/// </summary>
public static class FailureText
{
    public static string Of(Exception exception) =>
        exception.TargetSite is { DeclaringType: { } type } site ? $"{exception.GetType().Name} at {type.Name}.{site.Name}" : exception.GetType().Name;
}
