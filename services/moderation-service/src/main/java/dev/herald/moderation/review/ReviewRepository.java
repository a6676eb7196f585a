package dev.herald.moderation.review;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

import java.util.List;

interface ReviewRepository extends MongoRepository<Review, String> {

    /**
     * Near-duplicate candidates: reviews sharing a fingerprint band, earliest first, with only the fields
     * the comparison needs, since a much-republished report can have many copies.
     */
    @Query(value = "{ '$or': [ { 'band0': ?0 }, { 'band1': ?1 }, { 'band2': ?2 }, { 'band3': ?3 } ] }",
            fields = "{ '_id': 1, 'status': 1, 'submittedAt': 1, 'screening.fingerprint': 1 }")
    List<DuplicateCandidate> findCandidates(int band0, int band1, int band2, int band3, Pageable page);
}
