package dev.herald.ingest.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction (更正) of a published report: the whole corrected report, and the note the published article
 * will show under it, saying what was wrong and what it now says.
 */
public record CorrectionRequest(@NotBlank @Size(max = 500) String note, @NotNull @Valid SubmitReportRequest report) {
}
