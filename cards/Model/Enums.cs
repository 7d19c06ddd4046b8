namespace ParoleOnco.Cards.Model;

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum TextBlockStyle { Default, Heading }

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum VerticalAlignment { Top, Center, Bottom }

public enum ActionStyle { Default, Positive, Destructive }

public enum TextInputStyle { Text, Tel, Url, Email }

public enum ChoiceInputStyle { Compact, Expanded, Filtered }

/// <summary>Which inputs an action sends and validates: <c>None</c> for an action that needs none of the card's inputs.</summary>
public enum AssociatedInputs { Auto, None }
