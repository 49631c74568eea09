// Package schema is opgraph's GraphQL API: the types and resolvers over the
// graph Store, built at run time by New, and the HTTP handler that serves them.
package schema
