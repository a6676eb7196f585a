package dev.herald.ingest.report;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportRepository extends MongoRepository<Report, String> {

    java.util.Optional<Report> findByContentKey(String contentKey);

    org.springframework.data.domain.Page<Report> findByUnitAndStatus(String unit, ReportStatus status,
                                                                    org.springframework.data.domain.Pageable page);
}
