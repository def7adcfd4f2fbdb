namespace IaasKyc.Domain;

/// <summary>Marks an editable entity: its <see cref="Version"/> changes on every save and is checked on update (optimistic concurrency).</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
