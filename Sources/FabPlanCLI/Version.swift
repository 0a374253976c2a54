/// fabplan's version, printed by `fabplan --version` and written nowhere else. Releases are tagged `vX.Y.Z`
/// with the same number (semantic versioning: the plan JSON's `schemaVersion` moves separately).
public enum FabPlanVersion {
    /// The version of this build's sources.
    public static let current = "0.9.0"
}
