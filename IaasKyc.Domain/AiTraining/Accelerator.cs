namespace IaasKyc.Domain.AiTraining;

/// <summary>
/// An accelerator of the catalogue an Admin maintains: its peak dense BF16 throughput per device, in operations per
/// second, and where that figure comes from. The name is what the API accepts, compared case-insensitively.
/// </summary>
public sealed class Accelerator : IVersioned
{
    private Accelerator() { }

    public Accelerator(string name, string description, double peakOpsPerSecond, string source)
    {
        Name = name;
        NameKey = Key(name);
        (Description, PeakOpsPerSecond, Source) = (description, peakOpsPerSecond, source);
    }

    public string Name { get; private set; } = "";

    /// <summary>The name in upper case: the lookup key, unique.</summary>
    public string NameKey { get; private set; } = "";

    public string Description { get; private set; } = "";
    public double PeakOpsPerSecond { get; private set; }
    public string Source { get; private set; } = "";
    public bool Retired { get; private set; }
    public Guid Version { get; set; }

    public static string Key(string name) => name.Trim().ToUpperInvariant();

    public void Update(string description, double peakOpsPerSecond, string source, bool retired) =>
        (Description, PeakOpsPerSecond, Source, Retired) = (description, peakOpsPerSecond, source, retired);

    /// <summary>
    /// The catalogue every installation starts with: dense (no structured sparsity) BF16 Tensor Core peaks of the SXM / OAM
    /// parts, from the vendors' data sheets. Sparse figures, twice these, would overstate the compute.
    /// </summary>
    public static IReadOnlyList<Accelerator> Defaults() =>
    [
        new("A100", "NVIDIA A100 SXM (80 GB)", 312e12,
            "NVIDIA A100 Tensor Core GPU data sheet: BF16 Tensor Core 312 TFLOPS (624 TFLOPS with sparsity)."),
        new("H100", "NVIDIA H100 SXM", 989e12,
            "NVIDIA H100 Tensor Core GPU data sheet: BF16 Tensor Core 1,979 TFLOPS with sparsity, so 989 TFLOPS dense."),
        new("H200", "NVIDIA H200 SXM", 989e12,
            "NVIDIA H200 Tensor Core GPU data sheet: BF16 Tensor Core 1,979 TFLOPS with sparsity, so 989 TFLOPS dense."),
        new("B200", "NVIDIA B200 (HGX B200, 1,000 W)", 2.25e15,
            "NVIDIA HGX B200 data sheet: FP16/BF16 Tensor Core 4.5 PFLOPS per GPU with sparsity, so 2.25 PFLOPS dense."),
        new("MI300X", "AMD Instinct MI300X (OAM)", 1307.4e12,
            "AMD Instinct MI300X data sheet: peak BF16 1,307.4 TFLOPS dense (2,614.9 TFLOPS with sparsity)."),
    ];
}
