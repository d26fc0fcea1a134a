using Simulator.Core.Validation;
using Simulator.Storage.Catalogs;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests;

public class PersonaCatalogTests
{
    private static readonly PersonaCatalog Catalog = new([RepoPaths.Personas]);

    /// <summary>Writes a copy of a starter persona with one line edited, under a matching file name.</summary>
    private static string Mutate(string id, Func<string, string> edit)
    {
        var text = File.ReadAllText(RepoPaths.Persona("persecutory-delusion")).Replace("id: persecutory-delusion", $"id: {id}", StringComparison.Ordinal);
        var path = Path.Combine(RepoPaths.TempFolder("persona"), id + ".yaml");
        File.WriteAllText(path, edit(text));
        return path;
    }

    private static int LineOf(string path, string fragment) =>
        File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(fragment, StringComparison.Ordinal)).i + 1;

    [Theory]
    [InlineData("persecutory-delusion")]
    [InlineData("depression-suicidal")]
    [InlineData("ocd-checking")]
    public void Get_StarterPersona_LoadsAndValidates(string id)
    {
        var entry = Catalog.Get(id);

        Assert.Equal(id, entry.Document.Id);
        Assert.NotEmpty(entry.Document.Variants);
        Assert.NotEmpty(entry.Document.Lines.Topics);
        Assert.Equal(64, entry.Hash.Length);
    }

    [Fact]
    public void LoadFile_Unchanged_ReturnsTheSameEntry_Edited_ParsesAgain()
    {
        var path = Mutate("cached-card", t => t);
        var catalog = new PersonaCatalog([Path.GetDirectoryName(path)!]);

        var first = catalog.Get("cached-card");
        var again = catalog.LoadFile(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("  age: 34\n", "  age: 35\n", StringComparison.Ordinal));
        var edited = catalog.Get("cached-card");

        Assert.Same(first, again);
        Assert.Equal(34, first.Document.Demographics.Age);
        Assert.Equal(35, edited.Document.Demographics.Age);
        Assert.NotEqual(first.Hash, edited.Hash);
    }

    [Fact]
    public void LoadFile_UnknownField_NamesFileLineAndField()
    {
        var path = Mutate("unknown-field", t => t.Replace("  age: 34\n", "  age: 34\n  shoe_size: 9\n", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(LineOf(path, "shoe_size"), ex.Line);
        Assert.Equal("demographics.shoe_size", ex.Field);
        Assert.Contains("unknown field 'shoe_size'", ex.Message);
    }

    [Fact]
    public void LoadFile_OutOfRangeValue_NamesFileLineAndField()
    {
        var path = Mutate("out-of-range", t => t.Replace("conviction: 0.75", "conviction: 1.75", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.Equal(LineOf(path, "conviction: 1.75"), ex.Line);
        Assert.Equal("presentation.beliefs[0].conviction", ex.Field);
        Assert.Contains("out of range", ex.Message);
    }

    [Fact]
    public void LoadFile_WrongType_NamesFileLineAndField()
    {
        var path = Mutate("wrong-type", t => t.Replace("  age: 34\n", "  age: thirty\n", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.Equal(LineOf(path, "age: thirty"), ex.Line);
        Assert.Equal("demographics.age", ex.Field);
        Assert.Contains("wrong type", ex.Message);
    }

    [Theory]
    [InlineData("display_name: [oops\n")]
    [InlineData("display_name: \"unterminated\n")]
    [InlineData("  - : : :\n\t tab\n")]
    public void LoadFile_SyntaxError_NamesFileAndLine(string broken)
    {
        var path = Mutate("syntax-error", t => t.Replace("version: 2\n", "version: 2\n" + broken, StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.Contains("syntax error", ex.Message);
        Assert.Equal(path, ex.File);
        Assert.NotNull(ex.Line);
        Assert.InRange(ex.Line!.Value, 2, 6);
    }

    [Fact]
    public void LoadFile_UnknownAct_IsRefusedWithItsPath()
    {
        var path = Mutate("unknown-act", t => t.Replace("    validates-belief:", "    flatters:", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.StartsWith("dynamics.effects.flatters", ex.Field);
        Assert.Equal(LineOf(path, "flatters:"), ex.Line);
    }

    [Fact]
    public void LoadFile_IdNotFileName_IsRefused()
    {
        var text = File.ReadAllText(RepoPaths.Persona("ocd-checking"));
        var path = Path.Combine(RepoPaths.TempFolder("persona"), "renamed.yaml");
        File.WriteAllText(path, text);

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.Equal("id", ex.Field);
    }

    [Fact]
    public void Get_UnknownId_ListsTheKnownOnes()
    {
        var ex = Assert.Throws<InvalidInputException>(() => Catalog.Get("no-such-persona"));

        Assert.Contains("persecutory-delusion", ex.Message);
    }
}
