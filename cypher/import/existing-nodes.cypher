// mode: read · slots: {{label}} · params: $ids · returns: props (of the ids that exist)
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN n {.*} AS props
