using System.Text.Json.Serialization;

namespace ParoleOnco.Cards;

/// <summary>
/// The data an <c>Action.Execute</c> carries, merged by Teams with the card's input values.
/// One record both writes the card's action data and reads the invoke back, so the card contract
/// (verbs and keys, documented in the README) lives in one place. Teams sends every input as a string.
/// </summary>
public sealed record CardActionData
{
    [JsonPropertyName("formId")] public string? FormId { get; init; }

    [JsonPropertyName("establishmentId")] public string? EstablishmentId { get; init; }

    [JsonPropertyName("apId")] public string? ApId { get; init; }
    [JsonPropertyName("languages")] public string? Languages { get; init; }
    [JsonPropertyName("cancerTypes")] public string? CancerTypes { get; init; }
    [JsonPropertyName("modalities")] public string? Modalities { get; init; }
    [JsonPropertyName("capacity")] public string? Capacity { get; init; }

    [JsonPropertyName("referralId")] public string? ReferralId { get; init; }
    [JsonPropertyName("patientCode")] public string? PatientCode { get; init; }
    [JsonPropertyName("consent")] public string? Consent { get; init; }
    [JsonPropertyName("cancerType")] public string? CancerType { get; init; }
    [JsonPropertyName("ageBand")] public string? AgeBand { get; init; }
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("modality")] public string? Modality { get; init; }
    [JsonPropertyName("needs")] public string? Needs { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }

    [JsonPropertyName("contactDate")] public string? ContactDate { get; init; }
    [JsonPropertyName("durationMinutes")] public string? DurationMinutes { get; init; }
    [JsonPropertyName("supportTypes")] public string? SupportTypes { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("needsClinicalAttention")] public string? NeedsClinicalAttention { get; init; }
    [JsonPropertyName("attentionReason")] public string? AttentionReason { get; init; }
    [JsonPropertyName("shareWithCareTeam")] public string? ShareWithCareTeam { get; init; }
    [JsonPropertyName("nextContactDate")] public string? NextContactDate { get; init; }
    [JsonPropertyName("parkingExpense")] public string? ParkingExpense { get; init; }
    [JsonPropertyName("kilometres")] public string? Kilometres { get; init; }

    [JsonPropertyName("escalationId")] public string? EscalationId { get; init; }

    [JsonPropertyName("from")] public string? From { get; init; }
    [JsonPropertyName("to")] public string? To { get; init; }
    [JsonPropertyName("period")] public string? Period { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("tipId")] public string? TipId { get; init; }

    [JsonPropertyName("outcome")] public string? Outcome { get; init; }
    [JsonPropertyName("satisfaction")] public string? Satisfaction { get; init; }
}
