using CsCheck;
using ParoleOnco.Features.Community;
using static ParoleOnco.Tests.Features.Forms.HostileFormInputTests;

namespace ParoleOnco.Tests.Features.Community;

public sealed class PatientDataCheckTests
{
    private static readonly string?[] DefaultPatterns = [null];

    [Theory]
    [InlineData("Écrivez-moi à louise.b@example.org pour en parler.", PatientDataKind.Email)]
    [InlineData("My e-mail: paula_peer+ap@hopital.qc.ca", PatientDataKind.Email)]
    [InlineData("Appelez-la au 514 555-0199 le matin.", PatientDataKind.Phone)]
    [InlineData("Call (418) 555-0123 after 2 pm.", PatientDataKind.Phone)]
    [InlineData("Son numéro : 1-819-555-0142.", PatientDataKind.Phone)]
    [InlineData("Joignable au 514.555.0199", PatientDataKind.Phone)]
    [InlineData("Poste directe 555-0199.", PatientDataKind.Phone)]
    [InlineData("Née le 12/04/1958, elle préfère le matin.", PatientDataKind.BirthDate)]
    [InlineData("Born 1958-04-12.", PatientDataKind.BirthDate)]
    [InlineData("Née le 3 mars 1949.", PatientDataKind.BirthDate)]
    [InlineData("Née le 1er déc. 1949.", PatientDataKind.BirthDate)]
    [InlineData("Born on April 12, 1958.", PatientDataKind.BirthDate)]
    [InlineData("Born 12 Apr 1958.", PatientDataKind.BirthDate)]
    [InlineData("Her birthday is 04/12/58.", PatientDataKind.BirthDate)]
    [InlineData("Ma patiente CHUM-4821 aime qu'on la rappelle.", PatientDataKind.PatientCode)]
    [InlineData("le dossier qc-7f3k9 m'a appris beaucoup", PatientDataKind.PatientCode)]
    [InlineData("Patient P-4821 was grateful.", PatientDataKind.PatientCode)]
    public void Patient_data_in_a_tip_is_found_and_named(string tip, PatientDataKind kind) =>
        Assert.Equal(kind, PatientDataCheck.Find(tip, DefaultPatterns));

    [Theory]
    [InlineData("Au premier appel, j'annonce combien de temps il durera : la personne se détend.")]
    [InlineData("Je rappelle vers 15h, ou à 2h30 si la personne préfère l'après-midi.")]
    [InlineData("Après 20 ans de rémission, je dis souvent : un jour à la fois.")]
    [InlineData("The COVID-19 years taught me to call rather than text. 100 km is far: offer a video call.")]
    [InlineData("BRCA1 and HER2 questions go to the care team, never to us.")]
    [InlineData("En 2025, j'ai accompagné 12 personnes : la 3e rencontre est souvent la plus riche.")]
    [InlineData("Stade T2N0M0 ou pas, j'écoute d'abord.")]
    [InlineData("Le 12 avril, on a fêté la fin des traitements.")]
    [InlineData("Write to me @ the community channel.")]
    public void An_ordinary_tip_passes(string tip) =>
        Assert.Null(PatientDataCheck.Find(tip, DefaultPatterns));

    [Fact]
    public void An_establishment_s_own_patient_code_pattern_is_looked_for_too()
    {
        const string tip = "Le dossier MRN00123456 m'a appris à écouter.";

        Assert.Null(PatientDataCheck.Find(tip, DefaultPatterns));
        Assert.Equal(PatientDataKind.PatientCode, PatientDataCheck.Find(tip, [null, "MRN[0-9]{8}"]));
    }

    [Fact]
    public void Any_phone_number_written_as_people_write_them_is_found_wherever_it_stands_in_a_tip()
    {
        var separator = Pick(" ", "-", ".", "");
        var phone = Gen.Select(Gen.Int[200, 999], Gen.Int[200, 999], Gen.Int[0, 9999], separator, Gen.Bool)
            .Select((area, exchange, line, sep, parens) => (parens ? $"({area}) " : $"{area}{sep}") + $"{exchange}{sep}{line:D4}");
        var words = Pick("Appelez", "la", "personne", "au", "call", "her", "at", "merci", ":", ",").Array[0, 6]
            .Select(w => string.Join(' ', w));

        Gen.Select(words, phone, words).Sample((before, number, after) =>
            Assert.Equal(PatientDataKind.Phone, PatientDataCheck.Find($"{before} {number} {after}", DefaultPatterns)));
    }
}
