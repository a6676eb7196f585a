package dev.herald.moderation.screening;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LexiconRepository extends MongoRepository<LexiconDocument, String> {
}
