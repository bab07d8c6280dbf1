"""Drives PhantomDB through SQLAlchemy's ORM on psycopg2: create_all (has_table), inserts, a query, the
inspector's table list. Prints OK on success."""
import sys

from sqlalchemy import Column, Integer, String, create_engine, inspect, select
from sqlalchemy.orm import Session, declarative_base

engine = create_engine("postgresql+psycopg2://phantom:pw@127.0.0.1:%s/phantomdb?sslmode=disable" % sys.argv[1])
Base = declarative_base()


class Item(Base):
    __tablename__ = "orm_items"
    id = Column(Integer, primary_key=True, autoincrement=False)
    name = Column(String(30), nullable=False)


Base.metadata.create_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Item(id=1, name="first"), Item(id=2, name="second")])
    session.commit()
    names = [item.name for item in session.scalars(select(Item).where(Item.id >= 1).order_by(Item.id))]
    assert names == ["first", "second"], names
inspector = inspect(engine)
assert "orm_items" in inspector.get_table_names(), inspector.get_table_names()
assert inspector.has_table("orm_items") and not inspector.has_table("missing")
print("OK")
