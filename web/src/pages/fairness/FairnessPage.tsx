// Placeholder: the fairness monitor page (filled in by the matching web work).
export function FairnessPage() {
  return null;
}
