// mode: read · slots: {{label}} · params: $ids · returns: node
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN n {.*} AS node
