package dev.herald.moderation.review;

import dev.herald.moderation.screening.Verdict;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

interface ReviewRepository extends MongoRepository<Review, String> {

    Page<Review> findByStatus(ReviewStatus status, Pageable pageable);

    Page<Review> findByStatusAndScreeningVerdict(ReviewStatus status, Verdict verdict, Pageable pageable);

    List<Review> findByBand0OrBand1OrBand2OrBand3(int band0, int band1, int band2, int band3);
}
