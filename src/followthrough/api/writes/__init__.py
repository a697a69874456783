"""The API's writes: thin endpoints, one module per family of records, that run the pages' forms
and call the domains' own services, with ETag / If-Match (`concurrency`) and Idempotency-Key
(`idempotency`) around them."""
