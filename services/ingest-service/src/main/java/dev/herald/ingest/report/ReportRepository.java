package dev.herald.ingest.report;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportRepository extends MongoRepository<Report, String> {

    java.util.Optional<Report> findByContentKey(String contentKey);
}
