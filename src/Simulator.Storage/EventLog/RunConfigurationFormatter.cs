using MessagePack;
using MessagePack.Formatters;
using Simulator.Core.Runs;

namespace Simulator.Storage.EventLog;

/// <summary>
/// Writes a <see cref="RunConfiguration"/> as the array of its keys, leaving out trailing keys added
/// after the content hash was fixed (<see cref="RunConfiguration.Sessions"/>, <see cref="RunConfiguration.PatientGuard"/>, <see cref="RunConfiguration.SelfReportEvery"/>) while they hold
/// their defaults, so a configuration that does not use them serialises, and hashes, exactly as
/// older builds wrote it; reads arrays of any length, missing keys taking their defaults.
/// </summary>
public sealed class RunConfigurationFormatter : IMessagePackFormatter<RunConfiguration?>
{
    private const int Fixed = 11;

    /// <inheritdoc/>
    public void Serialize(ref MessagePackWriter writer, RunConfiguration? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        // Trailing keys are written up to the last one that differs from its default.
        var count = value.SelfReportEvery != 0 ? Fixed + 6
            : value.PatientGuard ? Fixed + 5
            : value.Rubric is not null ? Fixed + 4
            : value.HeadsDigest is not null ? Fixed + 3
            : value.Heads is not null ? Fixed + 2
            : value.Sessions != 1 ? Fixed + 1
            : Fixed;
        writer.WriteArrayHeader(count);
        writer.Write(value.Persona);
        writer.Write(value.Variant);
        writer.Write(value.Therapist);
        writer.Write(value.Patient);
        writer.Write(value.Protocol);
        writer.Write(value.Style);
        writer.Write(value.Turns);
        writer.Write(value.Seed);
        writer.Write(value.Monitor);
        writer.Write(value.Guard);
        writer.Write(value.ProbeEvery);
        if (count > Fixed)
        {
            writer.Write(value.Sessions);
        }

        if (count > Fixed + 1)
        {
            writer.Write(value.Heads);
        }

        if (count > Fixed + 2)
        {
            writer.Write(value.HeadsDigest);
        }

        if (count > Fixed + 3)
        {
            writer.Write(value.Rubric);
        }

        if (count > Fixed + 4)
        {
            writer.Write(value.PatientGuard);
        }

        if (count > Fixed + 5)
        {
            writer.Write(value.SelfReportEvery);
        }
    }

    /// <inheritdoc/>
    public RunConfiguration? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        options.Security.DepthStep(ref reader);
        try
        {
            var count = reader.ReadArrayHeader();
            // A nil string stays null, so that EventRules refuses the event naming the field (a log is untrusted input).
            var c = new RunConfiguration();
            for (var i = 0; i < count; i++)
            {
                c = i switch
                {
                    0 => c with { Persona = reader.ReadString()! },
                    1 => c with { Variant = reader.ReadString() },
                    2 => c with { Therapist = reader.ReadString()! },
                    3 => c with { Patient = reader.ReadString()! },
                    4 => c with { Protocol = reader.ReadString()! },
                    5 => c with { Style = reader.ReadString()! },
                    6 => c with { Turns = reader.ReadInt32() },
                    7 => c with { Seed = reader.ReadInt64() },
                    8 => c with { Monitor = reader.ReadString()! },
                    9 => c with { Guard = reader.ReadBoolean() },
                    10 => c with { ProbeEvery = reader.ReadInt32() },
                    11 => c with { Sessions = reader.ReadInt32() },
                    12 => c with { Heads = reader.ReadString() },
                    13 => c with { HeadsDigest = reader.ReadString() },
                    14 => c with { Rubric = reader.ReadString() },
                    15 => c with { PatientGuard = reader.ReadBoolean() },
                    16 => c with { SelfReportEvery = reader.ReadInt32() },
                    _ => Skip(ref reader, c),
                };
            }

            return c;
        }
        finally
        {
            reader.Depth--;
        }
    }

    private static RunConfiguration Skip(ref MessagePackReader reader, RunConfiguration c)
    {
        reader.Skip();
        return c;
    }
}
