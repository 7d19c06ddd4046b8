namespace ParoleOnco.Features.People;

/// <summary>What the bot keeps of the directory (names, preferred languages) and for how long.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>How long a person's <c>displayName</c> and <c>preferredLanguage</c> are trusted before asking Graph again.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromHours(1);
}
