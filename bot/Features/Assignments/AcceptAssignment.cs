using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Features.Assignments;

/// <summary><c>assignment.accept</c>: the AP takes the patient on.</summary>
public sealed class AcceptAssignment(AssignmentAnswer answer) : IVerbHandler
{
    public string Verb => CardVerbs.AssignmentAccept;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        answer.AnswerAsync(request, accept: true, cancellationToken);
}

/// <summary><c>assignment.decline</c>: the AP cannot; the referral returns to the coordinators with the next suggestions.</summary>
public sealed class DeclineAssignment(AssignmentAnswer answer) : IVerbHandler
{
    public string Verb => CardVerbs.AssignmentDecline;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        answer.AnswerAsync(request, accept: false, cancellationToken);
}
