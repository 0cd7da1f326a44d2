/**
 * The project file format, {@code throng-project/1}: {@link dev.throng.engine.project.io.ProjectFiles} reads (every
 * problem located by file, JSON path, line and column; never throws for bad input), writes canonical text and saves
 * atomically; older formats are brought up to date by migration steps before binding.
 *
 * <p>The text is JSON, two-space indent, one member per line in a fixed order per kind of object ({@code "format"}
 * first), small objects (name/value pairs, positions, edges, checks, think times, thresholds) on one line, a final
 * newline; so the same project always gives the same bytes and a one-field edit is a one-line diff. Durations are text
 * ({@code "500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h30m"}); enum values are lower case ({@code "per_user"});
 * sealed kinds carry a {@code "type"}. Paths are relative to the project file. Empty optional lists and absent optional
 * values are left out. The JSON Schema is the resource {@code dev/throng/engine/project/throng-project-1.schema.json}.
 *
 * <pre>{@code
 * {
 *   "format": "throng-project/1",
 *   "name": "Demo shop",
 *   "description": "",
 *   "settings": {
 *     "baseUrls": ["http://127.0.0.1:8080"],
 *     "headers": [],
 *     "timeouts": {
 *       "connect": "5s",
 *       "response": "30s"
 *     },
 *     "tls": {
 *       "verify": true,
 *       "trustAll": false
 *     },
 *     "redirects": {
 *       "follow": true,
 *       "max": 10
 *     },
 *     "connections": {
 *       "policy": "per_user",
 *       "poolSize": 0
 *     },
 *     "maxBodyBytes": 10485760
 *   },
 *   "variables": [],
 *   "dataSources": [],
 *   "profiles": [
 *     {
 *       "name": "web",
 *       "weight": 3,
 *       "thinkTime": {"type": "between", "min": "500ms", "max": "1500ms"},
 *       "mainFlow": "browse"
 *     }
 *   ],
 *   "flows": [
 *     {
 *       "id": "browse",
 *       "name": "Browse",
 *       "steps": [
 *         {
 *           "id": "product",
 *           "type": "request",
 *           "method": "GET",
 *           "url": "/product/${__randomInt(1,100)}",
 *           "checks": [
 *             {"type": "status", "codes": [200]}
 *           ],
 *           "position": {"x": 300, "y": 200}
 *         }
 *       ],
 *       "edges": [
 *         {"from": "start", "to": "product", "weight": 1}
 *       ]
 *     }
 *   ],
 *   "loadPlan": {
 *     "type": "closed",
 *     "users": 20,
 *     "spawnRate": 10,
 *     "duration": "1m",
 *     "gracefulStop": "5s"
 *   },
 *   "thresholds": [
 *     {"rule": "p95<500ms", "scope": "/product/", "abortOnFail": false}
 *   ]
 * }
 * }</pre>
 *
 * <p>The only package of the project model that imports Jackson; Jackson types never appear in its public API. Also
 * imports the JDK and {@code dev.throng.engine.project}.
 */
package dev.throng.engine.project.io;
