using Kalinga.Admin;

namespace Kalinga.Tests.Admin;

public sealed class AdminVerbTests
{
    [Theory]
    [InlineData("backup", "/var/backups/kalinga.zip", "--data", "/srv/kalinga")]
    [InlineData("restore", "--force", "/var/backups/kalinga.zip", "--data", "/srv/kalinga")]
    [InlineData("restore", "--data", "/srv/kalinga", "/var/backups/kalinga.zip", "--force")]
    public void File_arguments_never_reach_the_configuration_so_data_is_not_swallowed(params string[] args)
    {
        var verb = AdminVerb.Parse(args)!;

        Assert.Equal(["--data", "/srv/kalinga"], verb.ConfigurationArgs);
    }

    [Fact]
    public void Words_that_are_not_verbs_start_the_server() =>
        Assert.Null(AdminVerb.Parse(["--urls", "http://localhost:5080"]));
}
