//! `keysweep install-hook`: writes `.git/hooks/pre-commit` (or into `core.hooksPath`) running
//! `keysweep git --staged`. A hook that keysweep did not write is never overwritten.

use std::path::PathBuf;

use anyhow::Context;

use super::{InstallHookArgs, Outcome};
use crate::sources::git::open_repository;

/// The line that marks a hook as keysweep's own (so reinstalling may replace it).
pub const HOOK_MARKER: &str = "# keysweep pre-commit hook (written by `keysweep install-hook`)";

/// Installs the hook.
pub fn run(args: InstallHookArgs) -> anyhow::Result<Outcome> {
    let repo = open_repository(&args.repo)?;
    let hooks_dir = match repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok())
    {
        Some(p) if p.is_absolute() => p,
        Some(p) => repo.workdir().map(|w| w.join(&p)).unwrap_or(p),
        None => repo.path().join("hooks"),
    };
    std::fs::create_dir_all(&hooks_dir)
        .with_context(|| format!("{}: cannot create hooks directory", hooks_dir.display()))?;
    let hook: PathBuf = hooks_dir.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&hook) {
        if !existing.contains(HOOK_MARKER) {
            anyhow::bail!(
                "{}: a pre-commit hook that keysweep did not write is already there; not overwriting it (add `keysweep git --staged` to it yourself, or remove it)",
                hook.display()
            );
        }
    } else if hook.exists() {
        anyhow::bail!(
            "{}: exists but cannot be read; not overwriting it",
            hook.display()
        );
    }
    let fallback = std::env::current_exe()
        .ok()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "keysweep".into());
    let script = format!(
        "#!/bin/sh\n{HOOK_MARKER}\n# Blocks a commit that adds a secret. Bypass once with: git commit --no-verify\n\
         if command -v keysweep >/dev/null 2>&1; then KS=keysweep; else KS={}; fi\n\
         exec \"$KS\" git --staged --quiet\n",
        shell_quote(&fallback)
    );
    std::fs::write(&hook, script)
        .with_context(|| format!("{}: cannot write hook", hook.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))
            .with_context(|| format!("{}: cannot make hook executable", hook.display()))?;
    }
    eprintln!("keysweep: installed {}", hook.display());
    Ok(Outcome::Clean)
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
