using System.Text.Json;
using System.Text.Json.Serialization;
using IaasKyc.Domain.Owners;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>How an <see cref="OwnershipGraph"/> is stored: camelCase JSON with enums as camelCase strings.</summary>
public static class OwnershipJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Nodes(OwnershipGraph graph) => JsonSerializer.Serialize(graph.Nodes, Options);

    public static string Edges(OwnershipGraph graph) => JsonSerializer.Serialize(graph.Edges, Options);

    public static OwnershipGraph Read(OwnershipStructure stored) => new(
        JsonSerializer.Deserialize<List<OwnerNode>>(stored.NodesJson, Options) ?? [],
        JsonSerializer.Deserialize<List<OwnershipEdge>>(stored.EdgesJson, Options) ?? []);
}
