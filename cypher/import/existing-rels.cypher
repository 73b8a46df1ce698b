// mode: read · slots: {{type}} · params: $ids · returns: props (of the relationship ids that exist)
UNWIND $ids AS id
MATCH ()-[r:{{type}} {id: id}]->()
RETURN r {.*} AS props
