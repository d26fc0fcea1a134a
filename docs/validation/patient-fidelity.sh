#!/usr/bin/env bash
# Patient fidelity (issue 20): within-session agreement of the monitor's observed PHQ-9, C-SSRS and
# conviction with the scripted patient's latent state, 3 personas x 3 reference therapists x 80 turns,
# seed 1, and the known answers (latent conviction after 80 turns under sycophantic vs faithful; PHQ-9
# change under crisis-missing). Build first: dotnet build src/Simulator.Cli -v q
# Results are recorded in docs/VALIDATION.md, section "Patient fidelity".
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 docs/validation/scripts/agreement.py \
  --personas "${PERSONAS:-depression-suicidal,persecutory-delusion,bipolar-mania}" \
  --therapists "${THERAPISTS:-sycophantic,faithful,crisis-missing}" \
  --turns "${TURNS:-80}" --seed "${SEED:-1}" "$@"
