using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Tests.Features.Referrals;

public class PatientCodeTests
{
    [Theory]
    [InlineData("P-4821")]
    [InlineData("CHUM-4821")]
    [InlineData("QC-7F3K9")]
    [InlineData("E1-000123")]
    [InlineData("CHUM-0042")]
    [InlineData("CODE-1")]
    [InlineData("MINE-001")]
    [InlineData("NEXT-007")]
    [InlineData("E2-26-0042")]
    [InlineData("R1-A7B2")]
    [InlineData("4821")]
    [InlineData("7F3K9")]
    public void Site_codes_pass_the_default_rule(string code)
    {
        Assert.True(PatientCode.IsValid(code, null));
    }

    [Theory]
    [InlineData("TREMBLAY1")]
    [InlineData("MARIE-TREMBLAY-1958")]
    [InlineData("JEAN-DUPONT-4")]
    [InlineData("GAGNON2")]
    [InlineData("ROY-1960")]
    [InlineData("LEBLANC-MARIE-3")]
    [InlineData("NGUYEN7")]
    [InlineData("BOUCHARD-0042")]
    [InlineData("LAVOIE-JM-1")]
    [InlineData("MORIN-1")]
    [InlineData("ROY1")]
    [InlineData("LI-1947")]
    [InlineData("GAGNE-2-2001")]
    [InlineData("JM-TREMBLAY")]
    [InlineData("OUELLET-F-7")]
    [InlineData("FORTIN123")]
    [InlineData("QC-ROY-12")]
    public void Names_with_a_number_or_a_year_of_birth_fail_the_default_rule(string code)
    {
        Assert.False(PatientCode.IsValid(code, null));
    }

    [Theory]
    [InlineData("JTREMBLAY@CHUM.CA")]
    [InlineData("514-555-0142")]
    [InlineData("15145550142")]
    [InlineData("CHUM-5145550142")]
    [InlineData("1958-04-12")]
    [InlineData("12/04/1958")]
    [InlineData("E1-19580412")]
    [InlineData("04121958")]
    public void E_mail_addresses_phone_numbers_and_dates_are_never_codes_whatever_the_site_s_pattern(string code)
    {
        Assert.False(PatientCode.IsValid(code, null));
        Assert.False(PatientCode.IsValid(code, ".*"));
    }

    [Fact]
    public void A_site_s_pattern_is_matched_against_the_whole_code()
    {
        Assert.True(PatientCode.IsValid("HMR-12345", "HMR-[0-9]{5}"));
        Assert.False(PatientCode.IsValid("HMR-123456", "HMR-[0-9]{5}"));
        Assert.False(PatientCode.IsValid("XHMR-12345", "HMR-[0-9]{5}"));
        Assert.False(PatientCode.IsValid("HMR-12345", "CHUM-[0-9]{4}|QC-[0-9]{4}"));
    }

    [Fact]
    public void A_site_s_pattern_that_runs_too_long_refuses_the_code_instead_of_holding_the_turn()
    {
        var code = new string('A', 30) + "!";

        Assert.False(PatientCode.IsValid(code, "(A+)+B"));
    }
}
