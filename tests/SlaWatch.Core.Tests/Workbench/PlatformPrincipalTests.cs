using System.Text;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Core.Tests.Workbench;

/// <summary>The signed-in person from App Service Authentication's principal header, and what it refuses.</summary>
public class PlatformPrincipalTests
{
    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ThePersonIsTheObjectIdWithTheirNameRolesAndSignInNames()
    {
        var header = Base64(
            """
            {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
             "role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","claims":[
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"0f1e-aa"},
              {"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","val":"wang@contoso.cn"},
              {"typ":"name","val":"王芳"},
              {"typ":"preferred_username","val":"wang@contoso.cn"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"SlaWatch.Agent"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"SlaWatch.Lead"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Other.App.Role"},
              {"typ":"roles","val":"SlaWatch.Admin"}
            ]}
            """
        );

        var (person, refusal) = PlatformPrincipal.Read(header);

        Assert.Null(refusal);
        Assert.Equal(("0f1e-aa", "王芳"), (person!.Id, person.Name));
        Assert.Equal([WorkbenchRole.Agent, WorkbenchRole.Lead], person.Roles.Order());
        Assert.Equal(["wang@contoso.cn"], person.Aliases);
        Assert.True(person.Owns("WANG@contoso.cn"));
    }

    [Fact]
    public void WhatThisAppEncodesItReadsBack()
    {
        var (person, _) = PlatformPrincipal.Read(PlatformPrincipal.Encode("id-1", "李明", ["SlaWatch.Lead", "x"]));
        Assert.Equal(("id-1", "李明", true), (person!.Id, person.Name, person.Leads));
        Assert.Equal([WorkbenchRole.Lead], person.Roles);
    }

    [Theory]
    [InlineData(null, "not signed in")]
    [InlineData(" ", "not signed in")]
    [InlineData("%%%", "principal: not base64")]
    [InlineData("bm90IGpzb24=", "principal: not JSON")]
    [InlineData("WzFd", "principal: no claims")]
    [InlineData("eyJjbGFpbXMiOltdfQ==", "principal: no object id (oid) claim")]
    public void AHeaderThatNamesNoOneIsRefusedSayingWhy(string? header, string refusal) =>
        Assert.Equal((null, refusal), PlatformPrincipal.Read(header));

    [Fact]
    public void AnOversizedHeaderIsRefusedUnread() =>
        Assert.Equal(
            "principal: more than 16384 characters",
            PlatformPrincipal.Read(new string('A', 16 * 1024 + 4)).Refusal
        );

    [Fact]
    public void WithoutRolesAPersonIsSignedInButMayDoNothing()
    {
        var (person, _) = PlatformPrincipal.Read(PlatformPrincipal.Encode("id-2", "访客", []));
        Assert.Empty(person!.Roles);
        Assert.NotNull(WorkbenchPermissions.Refusal(person, WorkbenchAction.Respond, null));
    }
}
