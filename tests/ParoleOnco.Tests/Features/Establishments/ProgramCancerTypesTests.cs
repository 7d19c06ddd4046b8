using Microsoft.Extensions.Options;
using ParoleOnco.Features.Establishments;

namespace ParoleOnco.Tests.Features.Establishments;

public class ProgramCancerTypesTests
{
    [Theory]
    [InlineData("breast", "breast")]
    [InlineData("gynecological", "gynecological")]
    [InlineData("oncogenetics", "hereditary")]
    public void Each_program_takes_the_patients_of_its_cancer_type(string program, string cancerType)
    {
        Assert.Equal([cancerType, "other"], ProgramCancerTypes.Of([program]));
    }

    [Fact]
    public void An_establishment_takes_the_cancer_types_of_all_its_programs_in_vocabulary_order()
    {
        var establishment = new Establishment { Id = "E2", Name = "CHU de Québec–Université Laval", Programs = ["oncogenetics", "Breast"] };

        Assert.Equal(["breast", "hereditary", "other"], establishment.CancerTypes);
    }

    [Fact]
    public void The_referral_form_offers_what_at_least_one_establishment_takes()
    {
        var catalog = new EstablishmentCatalog(Options.Create(new EstablishmentOptions
        {
            Establishments =
            [
                new Establishment { Id = "E1", Name = "CHUM", Programs = ["breast"] },
                new Establishment { Id = "E3", Name = "CIUSSS de l'Est-de-l'Île-de-Montréal", Programs = ["breast", "gynecological"] },
            ],
        }));

        Assert.Equal(["breast", "gynecological", "other"], catalog.ReferralCancerTypes);
    }

    [Theory]
    [InlineData("breast", true)]
    [InlineData("Oncogenetics", true)]
    [InlineData("gyneco", false)]
    [InlineData("hereditary", false)]
    public void Only_the_programs_of_PAROLE_Onco_are_known(string program, bool known)
    {
        Assert.Equal(known, ProgramCancerTypes.IsKnown(program));
    }
}
