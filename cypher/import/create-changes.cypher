// mode: write · slots: {{label}} · params: $rows [{nodeId, props}] — state history as CHANGED
// relationships to the node's community; only rows checked not to exist reach this.
UNWIND $rows AS row
MATCH (n:{{label}} {id: row.nodeId})
MATCH (c:Community {id: n.communityId})
CREATE (n)-[r:CHANGED]->(c)
SET r = row.props
